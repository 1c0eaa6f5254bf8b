import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPmServer, type PmServer } from '../../server';
import { api, passwordToken, tokenForm } from './helpers';

describe('fault switches and counters', () => {
  let server: PmServer;
  beforeAll(async () => {
    server = await startPmServer();
  });
  afterAll(() => server.close());

  it('fails exactly the next N requests with the chosen status, then recovers', async () => {
    const { access_token } = await passwordToken(server);
    server.faults.failNext(2, 503);
    const first = await api(server, 'users/configuration', access_token);
    expect(first.status).toBe(503);
    expect(await first.json()).toEqual({ message: 'Service Unavailable' });
    const second = await fetch(`${server.url}/login`);
    expect(second.status).toBe(503);
    expect(await second.text()).toContain('Service Unavailable');
    expect((await api(server, 'users/configuration', access_token)).status).toBe(200);
    server.faults.failNext(1, 500);
    expect((await passwordToken(server).catch((e: Error) => e.message)) as string).toContain('500');
  });

  it('throttles /oauth/token with 429 and Retry-After while the switch is on', async () => {
    server.faults.throttle = true;
    try {
      const res = await tokenForm(server, { grant_type: 'password' }, { accept: 'application/json' });
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await res.json()).toEqual({ message: 'Too Many Attempts.' });
    } finally {
      server.faults.throttle = false;
    }
    expect((await passwordToken(server)).token_type).toBe('Bearer');
  });

  it('counts token requests and all requests, and resets', async () => {
    server.stats.reset();
    await passwordToken(server);
    await fetch(`${server.url}/docs/api-docs.json`);
    expect(server.stats.tokenRequests).toBe(1);
    expect(server.stats.requests).toBe(2);
    server.faults.failNext(1, 503);
    expect((await tokenForm(server, { grant_type: 'password' })).status).toBe(503);
    expect(server.stats.tokenRequests).toBe(2);
    server.stats.reset();
    expect(server.stats.requests).toBe(0);
  });

  it('still answers correctly with added latency', async () => {
    server.faults.latencyMs = 50;
    try {
      expect((await passwordToken(server)).token_type).toBe('Bearer');
    } finally {
      server.faults.latencyMs = 0;
    }
  });
});

describe('the real rate limit', () => {
  let server: PmServer;
  beforeAll(async () => {
    server = await startPmServer({ config: { tokenRateLimitPerMinute: 3 } });
  });
  afterAll(() => server.close());

  it('answers 429 once a client exceeds the per-minute limit on /oauth/token', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await tokenForm(server, { grant_type: 'nope' })).status);
    expect(statuses).toEqual([400, 400, 400, 429]);
  });
});
