import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPmServer, type PmServer } from '../../server';
import { api, decodeJwt, tokenForm, tokenJson, type OAuthErrorBody, type TokenBody } from './helpers';

describe('password grant', () => {
  let server: PmServer;
  beforeAll(async () => {
    server = await startPmServer();
  });
  afterAll(() => server.close());

  const fields = (over: Record<string, string> = {}): Record<string, string> => ({
    grant_type: 'password',
    client_id: String(server.seed.passwordClient.id),
    client_secret: server.seed.passwordClient.secret ?? '',
    username: server.seed.user.username,
    password: server.seed.user.password,
    scope: '*',
    ...over,
  });

  it('answers a form post with a Bearer token pair, one-year expiry and no-store headers', async () => {
    const res = await tokenForm(server, fields());
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('pragma')).toBe('no-cache');
    const body = (await res.json()) as TokenBody;
    expect(Object.keys(body)).toEqual(['token_type', 'expires_in', 'access_token', 'refresh_token']);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(31535999);
    expect(body.refresh_token).toMatch(/^def50200[0-9a-f]+$/);
  });

  it('signs an RS256 JWT with ProcessMaker claims: string aud and sub, 80-hex jti, fractional times, scopes', async () => {
    const body = (await (await tokenForm(server, fields())).json()) as TokenBody;
    const { header, payload } = decodeJwt(body.access_token);
    expect(header).toEqual({ typ: 'JWT', alg: 'RS256' });
    expect(Object.keys(payload)).toEqual(['aud', 'jti', 'iat', 'nbf', 'exp', 'sub', 'scopes']);
    expect(payload.aud).toBe(String(server.seed.passwordClient.id));
    expect(payload.sub).toBe(String(server.seed.user.id));
    expect(payload.jti).toMatch(/^[0-9a-f]{80}$/);
    expect(Number.isInteger(payload.iat)).toBe(false);
    expect(Number.isInteger(payload.exp)).toBe(false);
    expect((payload.exp as number) - (payload.iat as number)).toBeCloseTo(31535999, 3);
    expect(payload.scopes).toEqual(['*']);
  });

  it('accepts a JSON body, numeric client_id included', async () => {
    const res = await tokenJson(server, { ...fields(), client_id: server.seed.passwordClient.id });
    expect(res.status).toBe(200);
  });

  it('accepts HTTP Basic client authentication', async () => {
    const { client_id, client_secret, ...rest } = fields();
    const basic = Buffer.from(`${client_id}:${client_secret}`).toString('base64');
    const res = await tokenForm(server, rest, { authorization: `Basic ${basic}` });
    expect(res.status).toBe(200);
  });

  it('issues a token with no scopes when scope is empty or absent', async () => {
    const { scope: _scope, ...noScope } = fields();
    const body = (await (await tokenForm(server, noScope)).json()) as TokenBody;
    expect(decodeJwt(body.access_token).payload.scopes).toEqual([]);
  });

  it('looks users up by username, not email', async () => {
    const res = await tokenForm(server, fields({ username: server.seed.user.email }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as OAuthErrorBody).error).toBe('invalid_grant');
  });

  it('rejects a wrong password with 400 invalid_grant "The user credentials were incorrect."', async () => {
    const res = await tokenForm(server, fields({ password: 'not-the-password' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'The user credentials were incorrect.',
      message: 'The user credentials were incorrect.',
    });
  });

  it('rejects an unknown user the same way', async () => {
    const res = await tokenForm(server, fields({ username: 'nobody' }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as OAuthErrorBody).error_description).toBe('The user credentials were incorrect.');
  });

  it('rejects a missing username with 400 invalid_request and a hint naming the parameter', async () => {
    const { username: _u, ...rest } = fields();
    const res = await tokenForm(server, rest);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid_request',
      error_description:
        'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
      hint: 'Check the `username` parameter',
      message:
        'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
    });
  });

  it('rejects a missing password and a missing client_id with hints', async () => {
    const { password: _p, ...noPassword } = fields();
    expect(((await (await tokenForm(server, noPassword)).json()) as OAuthErrorBody).hint).toBe(
      'Check the `password` parameter',
    );
    const { client_id: _c, ...noClient } = fields();
    const res = await tokenForm(server, noClient);
    expect(res.status).toBe(400);
    expect(((await res.json()) as OAuthErrorBody).hint).toBe('Check the `client_id` parameter');
  });

  it('rejects an unknown scope with 400 invalid_scope', async () => {
    const res = await tokenForm(server, fields({ scope: 'admin' }));
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: 'invalid_scope',
      error_description: 'The requested scope is invalid, unknown, or malformed',
      hint: 'Check the `admin` scope',
      message: 'The requested scope is invalid, unknown, or malformed',
    });
  });

  it('rejects a bad secret with 401 invalid_client and no WWW-Authenticate when no Authorization header was sent', async () => {
    const res = await tokenForm(server, fields({ client_secret: 'wrong' }));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBeNull();
    expect(await res.json()).toEqual({
      error: 'invalid_client',
      error_description: 'Client authentication failed',
      message: 'Client authentication failed',
    });
  });

  it('rejects a bad Basic secret with 401 invalid_client and WWW-Authenticate: Basic', async () => {
    const { client_id, client_secret: _s, ...rest } = fields();
    const basic = Buffer.from(`${client_id}:wrong`).toString('base64');
    const res = await tokenForm(server, rest, { authorization: `Basic ${basic}` });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="OAuth"');
    expect(((await res.json()) as OAuthErrorBody).error).toBe('invalid_client');
  });

  it('rejects clients that are not password clients and unknown clients with 401 invalid_client', async () => {
    const code = server.seed.codeClient;
    const res = await tokenForm(server, fields({ client_id: String(code.id), client_secret: code.secret ?? '' }));
    expect(res.status).toBe(401);
    const unknown = await tokenForm(server, fields({ client_id: '999' }));
    expect(unknown.status).toBe(401);
  });

  it('rejects an unknown or missing grant_type with 400 unsupported_grant_type', async () => {
    for (const grant of ['implicit', '']) {
      const res = await tokenForm(server, fields({ grant_type: grant }));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: 'unsupported_grant_type',
        error_description: 'The authorization grant type is not supported by the authorization server.',
        hint: 'Check that all required parameters have been provided',
        message: 'The authorization grant type is not supported by the authorization server.',
      });
    }
  });

  it('gives a token the API accepts for the right user', async () => {
    const body = (await (await tokenForm(server, fields())).json()) as TokenBody;
    const res = await api(server, `users/${server.seed.user.id}`, body.access_token);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { username: string }).username).toBe(server.seed.user.username);
  });
});

describe('password grant on ProcessMaker 4.0-4.1', () => {
  let server: PmServer;
  beforeAll(async () => {
    server = await startPmServer({ config: { legacyInvalidCredentials: true } });
  });
  afterAll(() => server.close());

  it('answers a wrong password with 401 invalid_credentials', async () => {
    const c = server.seed.passwordClient;
    const res = await tokenForm(server, {
      grant_type: 'password',
      client_id: String(c.id),
      client_secret: c.secret ?? '',
      username: 'jane',
      password: 'wrong',
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as OAuthErrorBody).error).toBe('invalid_credentials');
  });
});
