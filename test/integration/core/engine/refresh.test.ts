import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPasswordProfile, createHarness, rejectsWithCode, type Harness } from '../support/engine-harness';

/** Access tokens live two minutes: valid now, due for refresh after 61 s. */
const TTL = 120;

describe('fresh tokens and refresh', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ server: { config: { accessTokenTtl: TTL } } });
  });
  afterEach(async () => {
    await h.close();
  });

  async function signedIn() {
    const profile = await addPasswordProfile(h);
    const { user } = h.server.seed;
    await h.engine.signInWithPassword(profile.id, user.username, user.password);
    const stored = JSON.parse((await h.secrets.get(profile.id)) ?? '{}') as {
      accessToken: string;
      refreshToken: string;
      expiresAt: number;
    };
    h.server.stats.reset();
    return { profile, stored };
  }

  it('an answer whose token has already expired still keeps the refresh token it rotated in, so the sign-in lives on', async () => {
    const { profile, stored } = await signedIn();
    h.clock.advance((TTL + 1) * 1000);
    h.server.config.accessTokenTtl = 0;
    await rejectsWithCode(h.engine.freshToken(profile.id), 'unexpected_response');
    expect(h.server.stats.tokenRequests).toBe(1);
    // The server spent the old refresh token and sent a new one: that is the one kept.
    const kept = JSON.parse((await h.secrets.get(profile.id)) ?? '{}') as { refreshToken: string };
    expect(kept.refreshToken).not.toBe(stored.refreshToken);
    // Once the server is fixed and the pause is over, the next refresh works: nobody has to sign in again.
    h.server.config.accessTokenTtl = TTL;
    h.clock.advance(16 * 60_000);
    const token = await h.engine.freshToken(profile.id);
    expect(token).not.toBe(stored.accessToken);
    expect((await h.engine.getProfile(profile.id)).status.state).toBe('signed_in');
  });

  it('hands out the stored token while it has more than a minute left, without asking the server', async () => {
    const { profile, stored } = await signedIn();
    h.clock.advance(30_000);
    expect(await h.engine.freshToken(profile.id)).toBe(stored.accessToken);
    expect(h.server.stats.tokenRequests).toBe(0);
  });

  it('refreshes ahead of expiry, stores the rotated pair, and the old refresh token is dead', async () => {
    const { profile, stored } = await signedIn();
    h.clock.advance((TTL - 50) * 1000);
    const eventsBefore = h.events.length;
    const token = await h.engine.freshToken(profile.id);
    expect(token).not.toBe(stored.accessToken);
    // One change event per refresh, so the tray and the window update once.
    expect(h.events.slice(eventsBefore)).toEqual([{ type: 'token-refreshed', profileId: profile.id }]);
    expect(h.server.stats.tokenRequests).toBe(1);
    const after = JSON.parse((await h.secrets.get(profile.id)) ?? '{}') as {
      accessToken: string;
      refreshToken: string;
      expiresAt: number;
    };
    expect(after.accessToken).toBe(token);
    expect(after.refreshToken).not.toBe(stored.refreshToken);
    expect(after.expiresAt).toBeGreaterThan(stored.expiresAt);
    expect(h.events.some((e) => e.type === 'token-refreshed' && e.profileId === profile.id)).toBe(true);
    // The server rotated: the old refresh token no longer works.
    const client = h.server.seed.passwordClient;
    const res = await fetch(`${h.server.url}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: stored.refreshToken,
        client_id: String(client.id),
        client_secret: client.secret ?? '',
      }),
    });
    expect(res.status).toBe(401);
    // The new token works against the API.
    const me = await h.engine.request(profile.id, { method: 'GET', path: `users/${h.server.seed.user.id}` });
    expect(me.status).toBe(200);
  });

  it('200 concurrent freshToken calls at expiry make exactly one token request and agree on the token', async () => {
    const { profile } = await signedIn();
    h.clock.advance((TTL - 10) * 1000);
    const tokens = await Promise.all(Array.from({ length: 200 }, () => h.engine.freshToken(profile.id)));
    expect(h.server.stats.tokenRequests).toBe(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it('a dead refresh token signs the profile out (session expired) and keeps its settings and client secret', async () => {
    const { profile } = await signedIn();
    h.server.faults.revokeEverything();
    h.clock.advance((TTL - 10) * 1000);
    const err = await rejectsWithCode(h.engine.freshToken(profile.id), 'session_expired');
    expect(err.message).toBe('Your sign-in has expired.');
    const view = await h.engine.getProfile(profile.id);
    expect(view.status).toEqual({ state: 'signed_out', reason: 'session_expired' });
    expect(view.name).toBe(profile.name);
    expect(view.instanceUrl).toBe(profile.instanceUrl);
    expect(view.hasClientSecret).toBe(true);
    expect(h.events.some((e) => e.type === 'signed-out' && e.reason === 'session_expired')).toBe(true);
    await rejectsWithCode(h.engine.freshToken(profile.id), 'session_expired');
  });

  it('a server error during refresh keeps the old tokens, and the next call refreshes', async () => {
    const { profile } = await signedIn();
    h.clock.advance((TTL - 10) * 1000);
    const before = await h.secrets.get(profile.id);
    h.server.faults.failNext(1, 500);
    await rejectsWithCode(h.engine.freshToken(profile.id), 'server_error');
    expect(await h.secrets.get(profile.id)).toBe(before);
    const token = await h.engine.freshToken(profile.id);
    expect(JSON.parse((await h.secrets.get(profile.id)) ?? '{}').accessToken).toBe(token);
  });

  it('an unreachable server during refresh keeps the old tokens', async () => {
    const { profile } = await signedIn();
    h.clock.advance((TTL - 10) * 1000);
    const before = await h.secrets.get(profile.id);
    await h.server.close();
    await rejectsWithCode(h.engine.freshToken(profile.id), 'unreachable');
    expect(await h.secrets.get(profile.id)).toBe(before);
  });

  it('refreshNow forces a refresh even when the token is still fresh', async () => {
    const { profile, stored } = await signedIn();
    const view = await h.engine.refreshNow(profile.id);
    expect(view.status.state).toBe('signed_in');
    expect(h.server.stats.tokenRequests).toBe(1);
    expect(await h.engine.freshToken(profile.id)).not.toBe(stored.accessToken);
  });

  it('the expiry taken from expires_in agrees with the JWT exp claim', async () => {
    const { profile } = await signedIn();
    const details = await h.engine.tokenDetails(profile.id);
    expect(details.claims?.exp).toBeTypeOf('number');
    // expires_in and exp agree within a second (exp is a float).
    expect(Math.abs((details.expiresAt ?? 0) - (details.claims?.exp ?? 0) * 1000)).toBeLessThan(1500);
  });

  it('a second engine on the same settings and keychain sees a refresh the first one made', async () => {
    const { profile } = await signedIn();
    const other = h.sibling();
    h.clock.advance((TTL - 10) * 1000);
    const a = await h.engine.freshToken(profile.id);
    const b = await other.freshToken(profile.id);
    expect(b).toBe(a);
    expect(h.server.stats.tokenRequests).toBe(1);
  });
});
