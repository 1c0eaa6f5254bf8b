/**
 * The loopback redirect (RFC 8252): an HTTP server on 127.0.0.1 with a free
 * port, path `/oauth/callback`. It hands each callback to `onCallback` and
 * answers the browser with the page that returns (success or a plain error).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CALLBACK_PATH } from './callback-url';

/** What the browser sees after a callback. */
export interface LoopbackAnswer {
  status: number;
  html: string;
}

/** A running listener. */
export interface LoopbackListener {
  /** `http://127.0.0.1:<port>/oauth/callback`. */
  readonly redirectUri: string;
  close(): Promise<void>;
}

/** The pages for what is not a callback, and for a callback whose handling failed, in the person's words. */
export interface LoopbackPages {
  notFound(): LoopbackAnswer;
  failed(): LoopbackAnswer;
}

/** Starts a listener; `onCallback` receives the full callback URL. */
export async function startLoopbackListener(
  onCallback: (url: string) => Promise<LoopbackAnswer>,
  pages: LoopbackPages,
): Promise<LoopbackListener> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const port = (server.address() as AddressInfo).port;
    const answered =
      req.method !== 'GET' || path !== CALLBACK_PATH
        ? Promise.resolve(pages.notFound())
        : onCallback(`http://127.0.0.1:${port}${req.url ?? ''}`).catch(() => pages.failed());
    void answered.then((answer) => {
      res.writeHead(answer.status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
        connection: 'close',
      });
      res.end(answer.html);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | null = null;
  return {
    redirectUri: `http://127.0.0.1:${port}${CALLBACK_PATH}`,
    close() {
      closed ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Let a page that is being sent finish; then drop whatever is left (browsers keep sockets open).
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      });
      return closed;
    },
  };
}
