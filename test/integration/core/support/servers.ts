/** Small real servers for transport tests: raw node:http handlers on 127.0.0.1, and a password-grant token from pm-server. */
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PmServer } from '../../../server';

/** A running raw server and the requests it received. */
export interface RawServer {
  url: string;
  received: IncomingMessage[];
  close(): Promise<void>;
}

/** Starts a node:http server on a free 127.0.0.1 port. */
export async function startRawServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<RawServer> {
  const received: IncomingMessage[] = [];
  const listener: RequestListener = (req, res) => {
    received.push(req);
    handler(req, res);
  };
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Signs the seed's regular user in with the password grant; returns the token pair. */
export async function passwordTokens(pm: PmServer): Promise<{ access: string; refresh: string }> {
  const client = pm.seed.passwordClient;
  const response = await fetch(`${pm.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: String(client.id),
      client_secret: client.secret ?? '',
      username: pm.seed.user.username,
      password: pm.seed.user.password,
      scope: '*',
    }),
  });
  if (response.status !== 200) throw new Error(`password grant failed with ${response.status}`);
  const body = (await response.json()) as { access_token: string; refresh_token: string };
  return { access: body.access_token, refresh: body.refresh_token };
}
