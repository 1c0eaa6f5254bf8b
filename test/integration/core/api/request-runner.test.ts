import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenTrayError } from '../../../../main/core/errors';
import { runApiRequest, type RunnerContext } from '../../../../main/core/api';
import { startPmServer, type PmServer } from '../../../server';
import { passwordTokens, startRawServer, type RawServer } from '../support/servers';

const clock = { now: () => Date.now() };

function context(
  instanceUrl: string,
  token: string,
  refresh: RunnerContext['refreshAfterRejection'] = null,
): RunnerContext {
  return { fetch, instanceUrl, token: () => Promise.resolve(token), refreshAfterRejection: refresh, clock };
}

async function errorOf(promise: Promise<unknown>): Promise<TokenTrayError> {
  const err = await promise.then(
    () => new Error('expected a failure'),
    (e: unknown) => e,
  );
  if (!(err instanceof TokenTrayError)) throw err;
  return err;
}

describe('runApiRequest against pm-server', () => {
  let pm: PmServer;
  let access: string;
  beforeAll(async () => {
    pm = await startPmServer();
    access = (await passwordTokens(pm)).access;
  });
  afterAll(async () => {
    await pm.close();
  });

  it('sends the Bearer token and returns parsed JSON with status, size and timing', async () => {
    const res = await runApiRequest(context(pm.url, access), {
      method: 'GET',
      path: 'users',
      query: [['per_page', '1']],
    });
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${pm.url}/api/1.0/users?per_page=1`);
    const body = res.json as { data: unknown[]; meta: { per_page: number } };
    expect(body.data).toHaveLength(1);
    expect(res.sizeBytes).toBe(Buffer.byteLength(res.text));
    expect(res.truncated).toBe(false);
    expect(res.retriedAfterRefresh).toBe(false);
    expect(res.durationMs).toBeGreaterThanOrEqual(0);
    expect(res.headers.some(([k]) => k === 'content-type')).toBe(true);
  });

  it('accepts /users, /api/1.0/users and a full same-origin URL alike', async () => {
    for (const path of ['/users/2', '/api/1.0/users/2', `${pm.url}/api/1.0/users/2`]) {
      const res = await runApiRequest(context(pm.url, access), { method: 'GET', path });
      expect(res.status).toBe(200);
      expect((res.json as { username: string }).username).toBe(pm.seed.user.username);
    }
  });

  it('returns a 404 as an answer, not an error', async () => {
    const res = await runApiRequest(context(pm.url, access), { method: 'GET', path: 'no-such-thing' });
    expect(res.status).toBe(404);
  });

  it('refreshes once and retries once after a 401', async () => {
    const rejected: string[] = [];
    const ctx = context(pm.url, 'stale-token', (old) => {
      rejected.push(old);
      return Promise.resolve(access);
    });
    const res = await runApiRequest(ctx, { method: 'GET', path: 'users/2' });
    expect(res.status).toBe(200);
    expect(res.retriedAfterRefresh).toBe(true);
    expect(rejected).toEqual(['stale-token']);
  });

  it('gives up after one retry when the refreshed token is rejected too', async () => {
    let refreshes = 0;
    const ctx = context(pm.url, 'stale-token', () => {
      refreshes += 1;
      return Promise.resolve('still-bad');
    });
    const res = await runApiRequest(ctx, { method: 'GET', path: 'users/2' });
    expect(res.status).toBe(401);
    expect(res.retriedAfterRefresh).toBe(true);
    expect(refreshes).toBe(1);
  });

  it('returns the 401 when the profile cannot refresh', async () => {
    const res = await runApiRequest(context(pm.url, 'stale-token'), { method: 'GET', path: 'users/2' });
    expect(res.status).toBe(401);
    expect(res.retriedAfterRefresh).toBe(false);
  });

  it('refuses a full URL on another origin without sending anything', async () => {
    const other = await startRawServer((_req, res) => res.end('{}'));
    try {
      const err = await errorOf(
        runApiRequest(context(pm.url, access), { method: 'GET', path: `${other.url}/api/1.0/users` }),
      );
      expect(err.code).toBe('forbidden_origin');
      expect(other.received).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('rejects a body that is not JSON and says where', async () => {
    const before = pm.stats.requests;
    const err = await errorOf(
      runApiRequest(context(pm.url, access), { method: 'POST', path: 'users', body: '{"name": "x",}' }),
    );
    expect(err.code).toBe('invalid_input');
    // Where, in a person's terms: line and column, not the parser's character offset.
    expect(err.message).toBe('The request body is not valid JSON: there is a mistake at line 1, column 14.');
    expect(pm.stats.requests).toBe(before);
  });

  it('rejects a body on a GET', async () => {
    const err = await errorOf(runApiRequest(context(pm.url, access), { method: 'GET', path: 'users', body: '{}' }));
    expect(err.code).toBe('invalid_input');
  });

  it('rejects a header value fetch could not send', async () => {
    const err = await errorOf(
      runApiRequest(context(pm.url, access), { method: 'GET', path: 'users', headers: [['X-Note', 'naïve ✓']] }),
    );
    expect(err.code).toBe('invalid_input');
    expect(err.message).toContain('X-Note');
  });

  it('rejects a header name with spaces in plain words', async () => {
    const err = await errorOf(
      runApiRequest(context(pm.url, access), { method: 'GET', path: 'users', headers: [['Bad Name', 'x']] }),
    );
    expect(err.code).toBe('invalid_input');
    expect(err.message).toContain('not a valid header name');
  });
});

describe('runApiRequest with raw servers', () => {
  let target: RawServer;
  let elsewhere: RawServer;
  let chunk: Buffer;
  beforeAll(async () => {
    elsewhere = await startRawServer((_req, res) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"stolen":true}'),
    );
    chunk = Buffer.alloc(64 * 1024, 'a');
    target = await startRawServer((req, res) => {
      const url = req.url ?? '';
      const hop = /\/api\/1\.0\/hop\/(\d+)/.exec(url);
      if (hop) {
        const n = Number(hop[1]);
        if (n === 0)
          res
            .writeHead(200, { 'Content-Type': 'application/json' })
            .end(JSON.stringify({ method: req.method, auth: req.headers.authorization ?? null }));
        else res.writeHead(307, { Location: `/api/1.0/hop/${n - 1}` }).end();
      } else if (url.endsWith('/see-other')) res.writeHead(303, { Location: '/api/1.0/hop/0' }).end();
      else if (url.endsWith('/away')) res.writeHead(302, { Location: `${elsewhere.url}/collect` }).end();
      else if (url.endsWith('/ten-megabytes')) {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        let sent = 0;
        const total = 10 * 1024 * 1024;
        const pump = (): void => {
          while (sent < total) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      } else if (url.endsWith('/hang')) {
        // never answers
      } else if (url.endsWith('/html')) res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>hi</html>');
      else res.writeHead(404).end();
    });
  });
  afterAll(async () => {
    await target.close();
    await elsewhere.close();
  });

  it('follows same-origin redirects with the token', async () => {
    const res = await runApiRequest(context(target.url, 'tok-1'), { method: 'POST', path: 'hop/3', body: '{}' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ method: 'POST', auth: 'Bearer tok-1' });
    expect(res.url).toBe(`${target.url}/api/1.0/hop/0`);
  });

  it('turns a POST into a GET after a 303', async () => {
    const res = await runApiRequest(context(target.url, 'tok-1'), {
      method: 'POST',
      path: 'see-other',
      body: '{"a":1}',
    });
    expect(res.json).toEqual({ method: 'GET', auth: 'Bearer tok-1' });
  });

  it('stops after five redirects and returns the last one', async () => {
    const res = await runApiRequest(context(target.url, 'tok-1'), { method: 'GET', path: 'hop/7' });
    expect(res.status).toBe(307);
  });

  it('never follows a redirect to another origin, so the token stays home', async () => {
    const res = await runApiRequest(context(target.url, 'tok-secret'), { method: 'GET', path: 'away' });
    expect(res.status).toBe(302);
    expect(elsewhere.received).toHaveLength(0);
  });

  it('keeps 1 MB of a 10 MB answer for display and reports the full size', async () => {
    const res = await runApiRequest(context(target.url, 't'), { method: 'GET', path: 'ten-megabytes' });
    expect(res.sizeBytes).toBe(10 * 1024 * 1024);
    expect(res.truncated).toBe(true);
    expect(res.text.length).toBe(1024 * 1024);
    expect(res.json).toBeNull();
  });

  it('keeps the whole body when the caller asks for more text', async () => {
    const res = await runApiRequest(context(target.url, 't'), {
      method: 'GET',
      path: 'ten-megabytes',
      maxTextBytes: 20 * 1024 * 1024,
    });
    expect(res.truncated).toBe(false);
    expect(res.text.length).toBe(10 * 1024 * 1024);
  });

  it('returns HTML as text without parsing it', async () => {
    const res = await runApiRequest(context(target.url, 't'), { method: 'GET', path: 'html' });
    expect(res.text).toBe('<html>hi</html>');
    expect(res.json).toBeNull();
  });

  it('times out after the request’s time limit', async () => {
    const err = await errorOf(runApiRequest(context(target.url, 't'), { method: 'GET', path: 'hang', timeoutMs: 200 }));
    expect(err.code).toBe('timeout');
  });

  it('can be cancelled while waiting', async () => {
    const controller = new AbortController();
    const pending = runApiRequest(context(target.url, 't'), { method: 'GET', path: 'hang' }, controller.signal);
    setTimeout(() => controller.abort(), 50);
    expect((await errorOf(pending)).code).toBe('cancelled');
  });

  it('drops a Host header and lets a user Authorization header replace the token', async () => {
    const res = await runApiRequest(context(target.url, 'profile-token'), {
      method: 'GET',
      path: 'hop/0',
      headers: [
        ['Host', 'evil.example'],
        ['Authorization', 'Bearer mine'],
      ],
    });
    expect(res.json).toEqual({ method: 'GET', auth: 'Bearer mine' });
    expect(target.received.at(-1)?.headers.host).toBe(new URL(target.url).host);
  });
});
