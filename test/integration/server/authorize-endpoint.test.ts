import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeInBrowser, CookieJar, formFields } from '../../server/browser';
import { startPmServer, type PmServer } from '../../server';
import { authorizeUrl, passwordAndPatClients, type OAuthErrorBody } from './helpers';

describe('/login and /oauth/authorize', () => {
  let server: PmServer;
  beforeAll(async () => {
    server = await startPmServer({
      config: {
        clients: [
          {
            id: 1,
            name: 'Token Tray',
            secret: 's'.repeat(40),
            redirect: 'pmtokentray://oauth/callback,http://127.0.0.1/oauth/callback',
            types: ['authorization_code_grant'],
          },
          ...passwordAndPatClients(),
          {
            id: 4,
            name: 'IPv6 app',
            secret: 'r'.repeat(40),
            redirect: 'http://[::1]/cb',
            types: ['authorization_code_grant'],
          },
          {
            id: 5,
            name: 'Localhost app',
            secret: 't'.repeat(40),
            redirect: 'http://localhost/cb',
            types: ['authorization_code_grant'],
          },
          {
            id: 6,
            name: 'Single',
            secret: 'u'.repeat(40),
            redirect: 'https://app.example.com/cb',
            types: ['authorization_code_grant'],
          },
        ],
      },
    });
  });
  afterAll(() => server.close());

  const creds = () => ({ username: server.seed.user.username, password: server.seed.user.password });

  /** A jar that is already signed in. */
  async function signedIn(): Promise<CookieJar> {
    const jar = new CookieJar();
    const page = await (await jar.fetch(`${server.url}/login`)).text();
    const res = await jar.postForm(`${server.url}/login`, { ...formFields(page, 'login'), ...creds() });
    expect(res.headers.get('location')).toBe('/');
    return jar;
  }

  it('sends guests to /login and back to the authorization request after sign-in', async () => {
    const jar = new CookieJar();
    const url = authorizeUrl(server, { redirect_uri: 'pmtokentray://oauth/callback', state: 'abc' });
    const first = await jar.fetch(url);
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/login');
    const page = await (await jar.fetch(`${server.url}/login`)).text();
    const back = await jar.postForm(`${server.url}/login`, { ...formFields(page, 'login'), ...creds() });
    expect(back.status).toBe(302);
    expect(`${server.url}${back.headers.get('location')}`).toBe(url);
    const consent = await jar.fetch(url);
    const html = await consent.text();
    expect(html).toContain('<strong>Token Tray</strong> is requesting permission to access your account.');
    expect(formFields(html, 'approve')).toMatchObject({ state: 'abc', client_id: '1' });
    expect(formFields(html, 'deny')).toMatchObject({ _method: 'DELETE', state: 'abc', client_id: '1' });
  });

  it('honours ?redirect= on the login page', async () => {
    const jar = new CookieJar();
    const page = await (await jar.fetch(`${server.url}/login?redirect=/api/documentation`)).text();
    const res = await jar.postForm(`${server.url}/login`, { ...formFields(page, 'login'), ...creds() });
    expect(res.headers.get('location')).toBe('/api/documentation');
  });

  it('sends a wrong password back to the login page with a message', async () => {
    const jar = new CookieJar();
    const page = await (await jar.fetch(`${server.url}/login`)).text();
    const res = await jar.postForm(`${server.url}/login`, {
      ...formFields(page, 'login'),
      username: 'jane',
      password: 'wrong',
    });
    expect(res.headers.get('location')).toBe('/login');
    expect(await (await jar.fetch(`${server.url}/login`)).text()).toContain(
      'These credentials do not match our records.',
    );
  });

  it('rejects a login post without the CSRF token with 419', async () => {
    const res = await new CookieJar().postForm(`${server.url}/login`, creds());
    expect(res.status).toBe(419);
  });

  it('answers 400 unsupported_grant_type when response_type=code is missing', async () => {
    const jar = await signedIn();
    const res = await jar.fetch(`${server.url}/oauth/authorize?client_id=1&redirect_uri=pmtokentray://oauth/callback`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as OAuthErrorBody).error).toBe('unsupported_grant_type');
  });

  it('answers 401 invalid_client for an unknown client or an unregistered redirect URI', async () => {
    const jar = await signedIn();
    const unknown = await jar.fetch(
      `${server.url}/oauth/authorize?response_type=code&client_id=99&redirect_uri=pmtokentray://oauth/callback`,
    );
    expect(unknown.status).toBe(401);
    const wrong = await jar.fetch(authorizeUrl(server, { redirect_uri: 'https://evil.example/cb' }));
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as OAuthErrorBody).error).toBe('invalid_client');
  });

  it('needs a redirect_uri when the client registers several', async () => {
    const jar = await signedIn();
    expect((await jar.fetch(authorizeUrl(server, {}))).status).toBe(401);
    const single = await jar.fetch(`${server.url}/oauth/authorize?response_type=code&client_id=6&state=s`);
    expect(single.status).toBe(200);
  });

  it('ignores the port on http://127.0.0.1 and http://[::1] but nowhere else', async () => {
    const jar = await signedIn();
    const status = async (clientId: string, redirect: string) =>
      (
        await jar.fetch(
          `${server.url}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirect, prompt: 'consent' })}`,
        )
      ).status;
    expect(await status('1', 'http://127.0.0.1:49152/oauth/callback')).toBe(200);
    expect(await status('1', 'http://127.0.0.1/oauth/callback')).toBe(200);
    expect(await status('1', 'http://127.0.0.1:49152/oauth/other')).toBe(401);
    expect(await status('4', 'http://[::1]:8123/cb')).toBe(200);
    expect(await status('5', 'http://localhost:8123/cb')).toBe(401);
    expect(await status('5', 'http://localhost/cb')).toBe(200);
    expect(await status('6', 'https://app.example.com:8443/cb')).toBe(401);
    expect(await status('1', 'pmtokentray://oauth/callback/')).toBe(401);
  });

  it('redirects an unknown scope back to the client as invalid_scope', async () => {
    const jar = await signedIn();
    const res = await jar.fetch(
      authorizeUrl(server, { redirect_uri: 'pmtokentray://oauth/callback', scope: 'admin', state: 's' }),
    );
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location') ?? '');
    expect(loc.searchParams.get('error')).toBe('invalid_scope');
  });

  it('rejects an unknown code_challenge_method and a malformed challenge with 400 invalid_request', async () => {
    const jar = await signedIn();
    const bad = await jar.fetch(
      authorizeUrl(server, {
        redirect_uri: 'pmtokentray://oauth/callback',
        code_challenge: 'a'.repeat(43),
        code_challenge_method: 'S512',
      }),
    );
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as OAuthErrorBody).hint).toBe('Code challenge method must be one of `S256`, `plain`');
    const short = await jar.fetch(
      authorizeUrl(server, {
        redirect_uri: 'pmtokentray://oauth/callback',
        code_challenge: 'short',
        code_challenge_method: 'S256',
      }),
    );
    expect(((await short.json()) as OAuthErrorBody).hint).toBe(
      'Code challenge must follow the specifications of RFC-7636.',
    );
  });

  it("Cancel redirects with state, error=access_denied and ProcessMaker's other fields", async () => {
    const loc = await authorizeInBrowser(
      authorizeUrl(server, { redirect_uri: 'pmtokentray://oauth/callback', state: 'st8', prompt: 'consent' }),
      creds(),
      'deny',
    );
    expect(loc.startsWith('pmtokentray://oauth/callback?state=st8&error=access_denied&')).toBe(true);
    const q = new URL(loc).searchParams;
    expect(q.get('error_description')).toBe('The resource owner or authorization server denied the request.');
    expect(q.get('hint')).toBe('The user denied the request');
    expect(q.get('message')).toBe('The resource owner or authorization server denied the request.');
    expect(q.get('code')).toBeNull();
  });

  it('refuses an approval whose auth_token differs from the session', async () => {
    const jar = await signedIn();
    const html = await (
      await jar.fetch(authorizeUrl(server, { redirect_uri: 'pmtokentray://oauth/callback', prompt: 'consent' }))
    ).text();
    const res = await jar.postForm(`${server.url}/oauth/authorize`, {
      ...formFields(html, 'approve'),
      auth_token: 'forged',
    });
    expect(res.status).toBe(403);
  });

  it('skips the consent page once the user holds a live token for the client, unless prompt=consent', async () => {
    const url = authorizeUrl(server, { redirect_uri: 'https://app.example.com/cb', state: 'one' }).replace(
      'client_id=1',
      'client_id=6',
    );
    const jar = await signedIn();
    expect((await jar.fetch(url)).status).toBe(200);
    const code = new URL(await authorizeInBrowser(url, creds(), 'approve', jar)).searchParams.get('code') ?? '';
    const res = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: '6',
        client_secret: 'u'.repeat(40),
        redirect_uri: 'https://app.example.com/cb',
        code,
      }),
    });
    expect(res.status).toBe(200);
    const again = await jar.fetch(url);
    expect(again.status).toBe(302);
    expect(new URL(again.headers.get('location') ?? '').searchParams.get('code')).not.toBeNull();
    expect((await jar.fetch(`${url}&prompt=consent`)).status).toBe(200);
    await expect(authorizeInBrowser(url, creds(), 'deny', jar)).rejects.toThrow(/prompt=consent/);
  });

  it('serves the OpenAPI document without authentication', async () => {
    const res = await fetch(`${server.url}/docs/api-docs.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; info: { title: string }; paths: Record<string, unknown> };
    expect(doc.info.title).toBe('ProcessMaker API');
    expect(Object.keys(doc.paths)).toHaveLength(106);
  });
});
