import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeytarSecretStore, createTokenEngine, type TokenEngine } from '../../../../main/core';
import { rejectsWithCode, TestClock } from '../support/engine-harness';
import { startRawServer, type RawServer } from '../support/servers';

// A token endpoint that misbehaves on purpose (on 127.0.0.1), against the real engine and keyring.
// Run inside ./scripts/with-keyring.sh.
type Answer = (grant: string) => { status?: number; headers?: Record<string, string>; body: string };

const secret = () => randomBytes(24).toString('base64url');
const pair = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({ access_token: secret(), token_type: 'Bearer', expires_in: 120, refresh_token: secret(), ...fields });

describe('a hostile token endpoint', () => {
  let server: RawServer;
  let answer: Answer;
  let tokenRequests: number;
  let dir: string;
  let clock: TestClock;
  const service = `Token Tray test ${randomUUID()}`;
  const secrets = createKeytarSecretStore(service);
  const engines: TokenEngine[] = [];
  const engine = (): TokenEngine => {
    const e = createTokenEngine({
      fetch: (i, init) => fetch(i, init),
      secrets,
      configDir: dir,
      clock,
      openBrowser: async () => undefined,
    });
    engines.push(e);
    return e;
  };

  beforeEach(async () => {
    tokenRequests = 0;
    answer = () => ({ body: pair() });
    clock = new TestClock();
    dir = await mkdtemp(join(tmpdir(), 'token-tray-hostile-'));
    server = await startRawServer((req: IncomingMessage, res: ServerResponse) => {
      let raw = '';
      req.on('data', (d: Buffer) => (raw += d.toString()));
      req.on('end', () => {
        if (req.url !== '/oauth/token') {
          res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
          return;
        }
        tokenRequests += 1;
        const { status = 200, headers = {}, body } = answer(new URLSearchParams(raw).get('grant_type') ?? '');
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
      });
    });
  });
  afterEach(async () => {
    for (const e of engines.splice(0)) {
      for (const p of await e.listProfiles().catch(() => [])) await secrets.delete(p.id).catch(() => false);
      await e.dispose();
    }
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** A password profile on the hostile server, signed in with a two-minute pair. */
  const signedIn = async (e: TokenEngine) => {
    const profile = await e.addProfile({
      name: 'hostile',
      instanceUrl: server.url,
      clientId: '2',
      clientSecret: secret(),
      grant: 'password',
    });
    await e.signInWithPassword(profile.id, 'jane', secret());
    const stored = await secrets.get(profile.id);
    tokenRequests = 0;
    return { profile, stored };
  };

  it('refuses a token response over 64 KB and stores nothing', async () => {
    const e = engine();
    const profile = await e.addProfile({ name: 'big', instanceUrl: server.url, clientId: '2', grant: 'password' });
    answer = () => ({ body: pair({ padding: 'x'.repeat(100 * 1024) }) });
    await rejectsWithCode(e.signInWithPassword(profile.id, 'jane', secret()), 'unexpected_response');
    expect((await e.getProfile(profile.id)).status.state).toBe('signed_out');
  });

  it('refuses an oversized refresh answer and keeps the old pair', async () => {
    const e = engine();
    const { profile, stored } = await signedIn(e);
    clock.advance(110_000);
    answer = () => ({ body: pair({ padding: 'x'.repeat(100 * 1024) }) });
    await rejectsWithCode(e.freshToken(profile.id), 'unexpected_response');
    expect((await secrets.get(profile.id)) === stored).toBe(true);
  });

  it('clamps an absurd expires_in to a year', async () => {
    const e = engine();
    answer = () => ({ body: pair({ expires_in: 1e300 }) });
    const { profile } = await signedIn(e);
    const { expiresAt } = await e.tokenDetails(profile.id);
    expect(expiresAt).toBeLessThanOrEqual(clock.now() + 366 * 24 * 3600_000);
    expect(expiresAt).toBeGreaterThan(clock.now() + 364 * 24 * 3600_000);
  });

  it.each(['mac', 'DPoP', 'N_A'])('refuses token_type %s with a plain sentence, not "internal"', async (type) => {
    const e = engine();
    const profile = await e.addProfile({ name: 'mac', instanceUrl: server.url, clientId: '2', grant: 'password' });
    answer = () => ({ body: pair({ token_type: type }) });
    const err = await rejectsWithCode(e.signInWithPassword(profile.id, 'jane', secret()), 'unexpected_response');
    expect(err.message).toBe('ProcessMaker sent a kind of token Token Tray cannot use.');
  });

  it('accepts Bearer in any case', async () => {
    const e = engine();
    answer = () => ({ body: pair({ token_type: 'BEARER' }) });
    const { profile } = await signedIn(e);
    expect((await e.getProfile(profile.id)).status.state).toBe('signed_in');
  });

  it('a refresh answering an already-expired token is refused, keeps the refresh token it sent, and does not loop', async () => {
    const e = engine();
    const { profile, stored } = await signedIn(e);
    clock.advance(110_000);
    answer = () => ({ body: pair({ expires_in: 0 }) });
    await rejectsWithCode(e.freshToken(profile.id), 'unexpected_response');
    expect(tokenRequests).toBe(1);
    // The expired access token is not stored; the refresh token that replaced the spent one is (RFC 6749 §6).
    const before = JSON.parse(stored ?? '{}') as { accessToken: string; refreshToken: string };
    const after = JSON.parse((await secrets.get(profile.id)) ?? '{}') as { accessToken: string; refreshToken: string };
    expect(after.accessToken).toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    // Asking again at once would get the same: this engine and another process wait a minute.
    const waiting = await rejectsWithCode(engine().freshToken(profile.id), 'unexpected_response');
    expect(waiting.message).toBe(
      'ProcessMaker keeps sending tokens that have already expired, so Token Tray waits 60 seconds before asking again.',
    );
    await rejectsWithCode(e.freshToken(profile.id), 'unexpected_response');
    expect(tokenRequests).toBe(1);
    clock.advance(60_000);
    await rejectsWithCode(e.freshToken(profile.id), 'unexpected_response');
    expect(tokenRequests).toBe(2);
    // Once more in a row: the pause doubles.
    expect((await rejectsWithCode(e.freshToken(profile.id), 'unexpected_response')).message).toContain(
      'waits 120 seconds',
    );
    clock.advance(120_000);
    answer = () => ({ body: pair({ expires_in: -5 }) });
    await rejectsWithCode(e.freshToken(profile.id), 'unexpected_response');
    expect(tokenRequests).toBe(3);
    // Still the access token of the sign-in: no expired one was ever stored.
    const last = JSON.parse((await secrets.get(profile.id)) ?? '{}') as { accessToken: string };
    expect(last.accessToken).toBe(before.accessToken);
  });

  it('honours Retry-After per profile, in this engine and in another process, until it passes', async () => {
    const e = engine();
    const { profile } = await signedIn(e);
    clock.advance(110_000);
    answer = () => ({ status: 429, headers: { 'retry-after': '30' }, body: '{"message":"Too Many Attempts."}' });
    const first = await rejectsWithCode(e.freshToken(profile.id), 'throttled');
    expect(first.message).toBe('ProcessMaker asked us to wait 30 seconds.');
    expect(tokenRequests).toBe(1);
    for (let i = 0; i < 9; i++) await rejectsWithCode(e.freshToken(profile.id), 'throttled');
    clock.advance(10_000);
    const later = await rejectsWithCode(engine().freshToken(profile.id), 'throttled');
    expect(later.message).toBe('ProcessMaker asked us to wait 20 seconds.');
    expect(tokenRequests).toBe(1);
    answer = () => ({ body: pair() });
    clock.advance(21_000);
    await e.freshToken(profile.id);
    expect(tokenRequests).toBe(2);
  });

  it('honours Retry-After for the code exchange of a browser sign-in too', async () => {
    const e = engine();
    const profile = await e.addProfile({
      name: 'browser',
      instanceUrl: server.url,
      clientId: '1',
      grant: 'authorization_code',
      redirectMode: 'app',
    });
    answer = () => ({ status: 429, headers: { 'retry-after': '30' }, body: '{"message":"Too Many Attempts."}' });
    const returnWithCode = async () => {
      const pending = await e.startBrowserSignIn(profile.id, { openBrowser: false });
      const state = new URL(pending.authorizeUrl).searchParams.get('state') ?? '';
      const waiting = e.waitForSignIn(pending.flowId);
      await e.handleCallbackUrl(`pmtokentray://oauth/callback?code=${secret()}&state=${state}`);
      return waiting;
    };
    const first = await rejectsWithCode(returnWithCode(), 'throttled');
    expect(first.message).toBe('ProcessMaker asked us to wait 30 seconds.');
    await rejectsWithCode(returnWithCode(), 'throttled');
    expect(tokenRequests).toBe(1);
  });
});
