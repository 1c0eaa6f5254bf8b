import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeInBrowser } from '../../server/browser';
import { startPmServer, type PmServer } from '../../server';

/**
 * A client written straight from ProcessMaker's developer guides (the Python/cURL tabs, in
 * TypeScript): a form POST to /oauth/token, then Bearer calls to /api/1.0. Nothing pm-server specific.
 */
describe("a client written from ProcessMaker's guides", () => {
  let server: PmServer;
  beforeAll(async () => {
    server = await startPmServer();
  });
  afterAll(() => server.close());

  it('gets a token with the password grant and lists users', async () => {
    const tokenResponse = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: `grant_type=password&client_id=${server.seed.passwordClient.id}&client_secret=${encodeURIComponent(server.seed.passwordClient.secret ?? '')}&username=admin&password=${encodeURIComponent(server.seed.admin.password)}&scope=*`,
    });
    expect(tokenResponse.status).toBe(200);
    const { access_token, refresh_token } = (await tokenResponse.json()) as {
      access_token: string;
      refresh_token: string;
    };
    const users = await fetch(`${server.url}/api/1.0/users`, {
      headers: { Authorization: `Bearer ${access_token}`, Accept: 'application/json' },
    });
    expect(users.status).toBe(200);
    const list = (await users.json()) as { data: Array<{ username: string }>; meta: { total: number } };
    expect(list.data.map((u) => u.username)).toEqual(['admin', 'jane']);

    const refreshed = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token,
        client_id: String(server.seed.passwordClient.id),
        client_secret: server.seed.passwordClient.secret ?? '',
      }),
    });
    expect(refreshed.status).toBe(200);
  });

  it('runs the authorization code flow without PKCE: the user pastes the code, the client posts it with its secret', async () => {
    const client = server.seed.codeClient;
    const redirectUri = 'http://127.0.0.1/oauth/callback';
    const authorizationUrl = `${server.url}/oauth/authorize?response_type=code&client_id=${client.id}&redirect_uri=${encodeURIComponent(redirectUri)}&state=guide`;
    const location = await authorizeInBrowser(authorizationUrl, {
      username: 'jane',
      password: server.seed.user.password,
    });
    const code = new URL(location).searchParams.get('code') ?? '';
    const res = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: String(client.id),
        client_secret: client.secret ?? '',
        redirect_uri: redirectUri,
        code,
      }),
    });
    expect(res.status).toBe(200);
    const { access_token } = (await res.json()) as { access_token: string };
    const me = await fetch(`${server.url}/api/1.0/users/2`, { headers: { Authorization: `Bearer ${access_token}` } });
    expect(((await me.json()) as { username: string }).username).toBe('jane');
  });

  it('uses a personal access token as a plain Bearer header', async () => {
    const pat = await server.issuePersonalAccessToken(server.seed.admin.id, 'guide');
    const res = await fetch(`${server.url}/api/1.0/processes`, { headers: { Authorization: `Bearer ${pat}` } });
    expect(res.status).toBe(200);
  });
});
