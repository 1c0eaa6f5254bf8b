import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PmServer } from '../../server';
import {
  api,
  decodeJwt,
  passwordToken,
  startWithClock,
  tokenForm,
  type OAuthErrorBody,
  type TokenBody,
} from './helpers';

describe('refresh token grant', () => {
  let server: PmServer;
  let advance: (ms: number) => void;
  beforeAll(async () => {
    ({ server, advance } = await startWithClock({ config: { refreshTokenTtl: 3600 } }));
  });
  afterAll(() => server.close());

  const refresh = (refreshToken: string, over: Record<string, string> = {}) =>
    tokenForm(server, {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: String(server.seed.passwordClient.id),
      client_secret: server.seed.passwordClient.secret ?? '',
      ...over,
    });

  const expectInvalidRefresh = async (res: Response, hint: string) => {
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: 'invalid_request',
      error_description: 'The refresh token is invalid.',
      hint,
      message: 'The refresh token is invalid.',
    });
  };

  it('rotates: a new pair works, the old access and refresh tokens are revoked', async () => {
    const first = await passwordToken(server);
    const res = await refresh(first.refresh_token ?? '');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const second = (await res.json()) as TokenBody;
    expect(second.refresh_token).toMatch(/^def50200/);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(decodeJwt(second.access_token).payload.sub).toBe(String(server.seed.user.id));
    expect((await api(server, 'users/configuration', second.access_token)).status).toBe(200);
    expect((await api(server, 'users/configuration', first.access_token)).status).toBe(401);
    await expectInvalidRefresh(await refresh(first.refresh_token ?? ''), 'Token has been revoked');
  });

  it('drops the * scope on refresh as Passport does', async () => {
    const first = await passwordToken(server);
    expect(decodeJwt(first.access_token).payload.scopes).toEqual(['*']);
    const second = (await (await refresh(first.refresh_token ?? '')).json()) as TokenBody;
    expect(decodeJwt(second.access_token).payload.scopes).toEqual([]);
  });

  it('says "Cannot decrypt the refresh token" for garbage', async () => {
    await expectInvalidRefresh(await refresh('not-a-token'), 'Cannot decrypt the refresh token');
  });

  it('says "Token has expired" after the refresh lifetime', async () => {
    const pair = await passwordToken(server);
    advance(3601 * 1000);
    await expectInvalidRefresh(await refresh(pair.refresh_token ?? ''), 'Token has expired');
  });

  it('says "Token is not linked to client" when another client presents it', async () => {
    const pair = await passwordToken(server);
    const other = server.seed.codeClient;
    await expectInvalidRefresh(
      await refresh(pair.refresh_token ?? '', { client_id: String(other.id), client_secret: other.secret ?? '' }),
      'Token is not linked to client',
    );
  });

  it('checks the client secret first: 401 invalid_client', async () => {
    const pair = await passwordToken(server);
    const res = await refresh(pair.refresh_token ?? '', { client_secret: 'wrong' });
    expect(res.status).toBe(401);
    expect(((await res.json()) as OAuthErrorBody).error).toBe('invalid_client');
  });

  it('asks for the refresh_token parameter when it is missing', async () => {
    const res = await tokenForm(server, {
      grant_type: 'refresh_token',
      client_id: String(server.seed.passwordClient.id),
      client_secret: server.seed.passwordClient.secret ?? '',
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as OAuthErrorBody).hint).toBe('Check the `refresh_token` parameter');
  });

  it('rejects a scope the original grant did not have', async () => {
    const pair = await passwordToken(server);
    const res = await refresh(pair.refresh_token ?? '', { scope: 'admin' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as OAuthErrorBody).error).toBe('invalid_scope');
  });

  it('revokes every token on the server-side "revoke everything" switch', async () => {
    const pair = await passwordToken(server);
    server.faults.revokeEverything();
    expect((await api(server, 'users/configuration', pair.access_token)).status).toBe(401);
    await expectInvalidRefresh(await refresh(pair.refresh_token ?? ''), 'Token has been revoked');
  });
});

describe('refresh without rotation', () => {
  let server: PmServer;
  beforeAll(async () => {
    ({ server } = await startWithClock({ config: { rotateRefreshTokens: false } }));
  });
  afterAll(() => server.close());

  it('keeps the old refresh token and returns no new one', async () => {
    const pair = await passwordToken(server);
    const fields = {
      grant_type: 'refresh_token',
      refresh_token: pair.refresh_token ?? '',
      client_id: String(server.seed.passwordClient.id),
      client_secret: server.seed.passwordClient.secret ?? '',
    };
    const body = (await (await tokenForm(server, fields)).json()) as TokenBody;
    expect(body.refresh_token).toBeUndefined();
    expect((await tokenForm(server, fields)).status).toBe(200);
    expect((await api(server, 'users/configuration', pair.access_token)).status).toBe(401);
  });
});
