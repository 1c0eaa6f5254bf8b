import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenTrayError } from '../../../../main/core/errors';
import { guardedFetch, readJsonBody, toTransportError } from '../../../../main/core/api';
import { startPmServer, type PmServer } from '../../../server';
import { closedPort, startRawServer, type RawServer } from '../support/servers';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof TokenTrayError) return err.code;
    throw err;
  }
  return 'no error';
}

describe('guardedFetch', () => {
  let hanging: RawServer;
  beforeAll(async () => {
    // Accepts the request and never answers.
    hanging = await startRawServer(() => undefined);
  });
  afterAll(async () => {
    await hanging.close();
  });

  it('reports a closed port as unreachable', async () => {
    const port = await closedPort();
    const err = await guardedFetch(fetch)(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenTrayError);
    expect((err as TokenTrayError).code).toBe('unreachable');
    expect((err as TokenTrayError).message).toBe('Token Tray could not reach the ProcessMaker server.');
  });

  it('reports an unknown host name as unreachable', async () => {
    expect(await codeOf(guardedFetch(fetch)('http://no-such-host.invalid/'))).toBe('unreachable');
  });

  it('stops a server that never answers after the time limit', async () => {
    expect(await codeOf(guardedFetch(fetch, { timeoutMs: 300 })(hanging.url))).toBe('timeout');
  });

  it('reports a caller abort as cancelled, not as a time-out', async () => {
    const controller = new AbortController();
    const pending = guardedFetch(fetch)(hanging.url, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await codeOf(pending)).toBe('cancelled');
  });

  it('refuses to start when the caller already cancelled', async () => {
    const before = hanging.received.length;
    expect(await codeOf(guardedFetch(fetch)(hanging.url, { signal: AbortSignal.abort() }))).toBe('cancelled');
    expect(hanging.received.length).toBe(before);
  });

  it('passes HTTP error statuses through as answers', async () => {
    const server = await startRawServer((_req, res) => res.writeHead(500).end('boom'));
    try {
      const response = await guardedFetch(fetch)(server.url);
      expect(response.status).toBe(500);
    } finally {
      await server.close();
    }
  });
});

describe('guardedFetch over TLS', () => {
  let pm: PmServer;
  beforeAll(async () => {
    pm = await startPmServer({ https: true });
  });
  afterAll(async () => {
    await pm.close();
  });

  it('reports a self-signed certificate as untrusted', async () => {
    expect(pm.url.startsWith('https://')).toBe(true);
    expect(await codeOf(guardedFetch(fetch)(`${pm.url}/docs/api-docs.json`))).toBe('tls_untrusted');
  });
});

describe('toTransportError with Electron net.fetch failures', () => {
  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'unreachable'],
    ['net::ERR_NAME_NOT_RESOLVED', 'unreachable'],
    ['net::ERR_INTERNET_DISCONNECTED', 'unreachable'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'tls_untrusted'],
    ['net::ERR_CERT_DATE_INVALID', 'tls_untrusted'],
    ['net::ERR_CONNECTION_TIMED_OUT', 'timeout'],
  ])('maps %s to %s', (message, code) => {
    expect(toTransportError(new Error(message)).code).toBe(code);
  });

  it('maps undici certificate causes to tls_untrusted', () => {
    const cause = Object.assign(new Error('unable to verify the first certificate'), {
      code: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    });
    expect(toTransportError(new TypeError('fetch failed', { cause })).code).toBe('tls_untrusted');
  });

  it('keeps the original error only as the cause, never in the message', () => {
    const err = toTransportError(
      new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }),
      }),
    );
    expect(err.message).not.toContain('ECONNREFUSED');
    expect(err.nextStep).toContain('Check the address');
  });
});

describe('readJsonBody', () => {
  let server: RawServer;
  beforeAll(async () => {
    server = await startRawServer((req, res) => {
      if (req.url === '/html')
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Login</title>');
      else if (req.url === '/html-as-json')
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('<html>proxy error</html>');
      else if (req.url === '/big')
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(`"${'x'.repeat(2048)}"`);
      else if (req.url === '/broken') res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"a":');
      else res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' }).end('{"ok":true}');
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('parses a JSON answer', async () => {
    expect(await readJsonBody(await fetch(`${server.url}/ok`))).toEqual({ ok: true });
  });

  it.each(['/html', '/html-as-json', '/broken'])('rejects %s as an unexpected response', async (path) => {
    expect(await codeOf(readJsonBody(await fetch(`${server.url}${path}`)))).toBe('unexpected_response');
  });

  it('refuses a body over the size limit', async () => {
    const err = await readJsonBody(await fetch(`${server.url}/big`), { maxBytes: 1024 }).catch((e: unknown) => e);
    expect((err as TokenTrayError).code).toBe('unexpected_response');
    expect((err as TokenTrayError).message).toContain('larger');
  });
});
