import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeInBrowser } from '../../server/browser';
import type { PmServer } from '../../server';
import {
  authorizeUrl,
  decodeJwt,
  passwordAndPatClients,
  pkcePair,
  startWithClock,
  tokenForm,
  type OAuthErrorBody,
  type TokenBody,
} from './helpers';

const LOOPBACK = 'http://127.0.0.1:53123/oauth/callback';

describe('authorization code grant', () => {
  let server: PmServer;
  let advance: (ms: number) => void;
  beforeAll(async () => {
    ({ server, advance } = await startWithClock());
  });
  afterAll(() => server.close());

  const creds = () => ({ username: server.seed.user.username, password: server.seed.user.password });

  /** Signs in, approves, and returns the code from the redirect. */
  async function getCode(params: Record<string, string>): Promise<string> {
    const location = await authorizeInBrowser(
      authorizeUrl(server, { redirect_uri: LOOPBACK, state: 's1', ...params }),
      creds(),
    );
    const url = new URL(location);
    const code = url.searchParams.get('code');
    if (code === null) throw new Error(`no code in ${location}`);
    return code;
  }

  const exchange = (code: string, over: Record<string, string> = {}) =>
    tokenForm(server, {
      grant_type: 'authorization_code',
      client_id: String(server.seed.codeClient.id),
      client_secret: server.seed.codeClient.secret ?? '',
      redirect_uri: LOOPBACK,
      code,
      ...over,
    });

  it('approving redirects to redirect_uri with code and state; the code buys a token pair for the user', async () => {
    const { verifier, challenge } = pkcePair();
    const location = await authorizeInBrowser(
      authorizeUrl(server, {
        redirect_uri: LOOPBACK,
        state: 'xyz',
        code_challenge: challenge,
        code_challenge_method: 'S256',
      }),
      creds(),
    );
    const url = new URL(location);
    expect(`${url.origin}${url.pathname}`).toBe(LOOPBACK);
    expect(url.searchParams.get('state')).toBe('xyz');
    const res = await exchange(url.searchParams.get('code') ?? '', { code_verifier: verifier });
    expect(res.status).toBe(200);
    const body = (await res.json()) as TokenBody;
    expect(body.refresh_token).toMatch(/^def50200/);
    expect(decodeJwt(body.access_token).payload).toMatchObject({
      sub: String(server.seed.user.id),
      aud: String(server.seed.codeClient.id),
      scopes: [],
    });
  });

  it('drops the * scope for the authorization code grant', async () => {
    const code = await getCode({ scope: '*' });
    const body = (await (await exchange(code)).json()) as TokenBody;
    expect(decodeJwt(body.access_token).payload.scopes).toEqual([]);
  });

  it('verifies a plain PKCE challenge', async () => {
    const verifier = pkcePair().verifier;
    const code = await getCode({ code_challenge: verifier, code_challenge_method: 'plain' });
    expect((await exchange(code, { code_verifier: verifier })).status).toBe(200);
  });

  it('rejects a PKCE verifier that does not match with 400 invalid_grant', async () => {
    const code = await getCode({ code_challenge: pkcePair().challenge, code_challenge_method: 'S256' });
    const res = await exchange(code, { code_verifier: pkcePair().verifier });
    expect(res.status).toBe(400);
    const body = (await res.json()) as OAuthErrorBody;
    expect(body.error).toBe('invalid_grant');
    expect(body.hint).toBe('Failed to verify `code_verifier`.');
  });

  it('asks for code_verifier when a challenge was sent but no verifier comes', async () => {
    const code = await getCode({ code_challenge: pkcePair().challenge, code_challenge_method: 'S256' });
    const res = await exchange(code);
    expect(res.status).toBe(400);
    expect(((await res.json()) as OAuthErrorBody).hint).toBe('Check the `code_verifier` parameter');
  });

  it('uses a code once: the second exchange says it has been revoked', async () => {
    const code = await getCode({});
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(((await again.json()) as OAuthErrorBody).hint).toBe('Authorization code has been revoked');
  });

  it('lets a code expire after ten minutes', async () => {
    const code = await getCode({});
    advance(10 * 60 * 1000 + 1000);
    const res = await exchange(code);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', hint: 'Authorization code has expired' });
  });

  it('rejects a code presented by another client', async () => {
    const other = { id: 9, name: 'Other', secret: 'x'.repeat(40), redirect: LOOPBACK, types: [] as [] };
    server.config.clients.push(other);
    const code = await getCode({});
    const res = await exchange(code, { client_id: '9', client_secret: other.secret });
    expect(res.status).toBe(400);
    expect(((await res.json()) as OAuthErrorBody).hint).toBe('Authorization code was not issued to this client');
  });

  it('rejects a redirect_uri that differs from the authorization request', async () => {
    const code = await getCode({});
    const res = await exchange(code, { redirect_uri: 'http://127.0.0.1:40000/oauth/callback' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_request', hint: 'Invalid redirect URI' });
  });

  it('rejects a garbage code as undecryptable', async () => {
    const res = await exchange('def50200abcdef');
    expect(res.status).toBe(400);
    expect(((await res.json()) as OAuthErrorBody).hint).toBe('Cannot decrypt the authorization code');
  });

  it('refuses the code exchange to password and personal access clients with 401 invalid_client', async () => {
    for (const client of [server.seed.passwordClient, server.seed.patClient]) {
      const res = await exchange('def50200abcdef', {
        client_id: String(client.id),
        client_secret: client.secret ?? '',
        redirect_uri: 'http://localhost',
      });
      expect(res.status).toBe(401);
      expect(((await res.json()) as OAuthErrorBody).error).toBe('invalid_client');
    }
  });

  it('rejects a wrong client secret on the exchange with 401 invalid_client', async () => {
    const code = await getCode({});
    expect((await exchange(code, { client_secret: 'wrong' })).status).toBe(401);
  });
});

describe('public clients', () => {
  let server: PmServer;
  const REDIRECT = 'http://127.0.0.1/cb';
  beforeAll(async () => {
    ({ server } = await startWithClock({
      config: {
        clients: [
          { id: 1, name: 'Public', secret: null, redirect: REDIRECT, types: ['authorization_code_grant'] },
          ...passwordAndPatClients(),
        ],
      },
    }));
  });
  afterAll(() => server.close());

  it('must send a PKCE challenge', async () => {
    const loc = await authorizeInBrowser(authorizeUrl(server, { redirect_uri: REDIRECT }), {
      username: 'jane',
      password: server.seed.user.password,
    }).catch((e: Error) => e.message);
    expect(loc).toContain('Code challenge must be provided for public clients');
  });

  it('exchanges a code without a secret when the verifier matches', async () => {
    const { verifier, challenge } = pkcePair();
    const loc = await authorizeInBrowser(
      authorizeUrl(server, { redirect_uri: REDIRECT, code_challenge: challenge, code_challenge_method: 'S256' }),
      {
        username: 'jane',
        password: server.seed.user.password,
      },
    );
    const code = new URL(loc).searchParams.get('code') ?? '';
    const res = await tokenForm(server, {
      grant_type: 'authorization_code',
      client_id: '1',
      redirect_uri: REDIRECT,
      code,
      code_verifier: verifier,
    });
    expect(res.status).toBe(200);
  });
});
