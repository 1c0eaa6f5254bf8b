import { createHash, randomBytes } from 'node:crypto';
import { startPmServer, type PmClient, type PmServer, type StartOptions } from '../../server';

/** A server whose clock tests can move forward. */
export interface TimeTravelServer {
  server: PmServer;
  /** Moves the server's clock forward. */
  advance(ms: number): void;
}

/** Starts pm-server on a free port with a controllable clock. */
export async function startWithClock(options: Omit<StartOptions, 'clock'> = {}): Promise<TimeTravelServer> {
  let offset = 0;
  const server = await startPmServer({ ...options, clock: () => Date.now() + offset });
  return { server, advance: (ms) => (offset += ms) };
}

/** The password client (id 2) and personal access client (id 3) that sit next to a test's own clients. */
export function passwordAndPatClients(): PmClient[] {
  return [
    { id: 2, name: 'Password', secret: 'p'.repeat(40), redirect: 'http://localhost', types: ['password_client'] },
    { id: 3, name: 'PAT', secret: 'q'.repeat(40), redirect: 'http://localhost', types: ['personal_access_client'] },
  ];
}

/** POSTs a form to /oauth/token. */
export function tokenForm(
  server: PmServer,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${server.url}/oauth/token`, { method: 'POST', headers, body: new URLSearchParams(fields) });
}

/** POSTs JSON to /oauth/token. */
export function tokenJson(server: PmServer, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The password grant for the seed's regular user via the seed's password client. */
export async function passwordToken(
  server: PmServer,
  username = server.seed.user.username,
  password = server.seed.user.password,
): Promise<TokenBody> {
  const c = server.seed.passwordClient;
  const res = await tokenForm(server, {
    grant_type: 'password',
    client_id: String(c.id),
    client_secret: c.secret ?? '',
    username,
    password,
    scope: '*',
  });
  if (res.status !== 200) throw new Error(`password grant failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as TokenBody;
}

/** The token endpoint's success body. */
export interface TokenBody {
  token_type: string;
  expires_in: number;
  access_token: string;
  refresh_token?: string;
}

/** league's error body. */
export interface OAuthErrorBody {
  error: string;
  error_description: string;
  hint?: string;
  message: string;
}

/** GET on the API with a Bearer token. */
export function api(server: PmServer, path: string, token: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  headers.set('accept', 'application/json');
  return fetch(`${server.url}/api/1.0/${path}`, { ...init, headers });
}

/** A PKCE verifier and its S256 challenge. */
export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** Decodes a JWT's header and payload without verifying. */
export function decodeJwt(jwt: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [h = '', p = ''] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString()),
    payload: JSON.parse(Buffer.from(p, 'base64url').toString()),
  };
}

/** Builds an /oauth/authorize URL for the seed's auth-code client. */
export function authorizeUrl(server: PmServer, params: Record<string, string>): string {
  const q = new URLSearchParams({ response_type: 'code', client_id: String(server.seed.codeClient.id), ...params });
  return `${server.url}/oauth/authorize?${q.toString()}`;
}
