import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bumpVaultGeneration } from '../../../../main/core/tokens';
import { addPasswordProfile, createHarness, type Harness } from '../support/engine-harness';

const TTL = 120;

describe('a token the server rejects before its stored expiry', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ server: { config: { accessTokenTtl: TTL } } });
  });
  afterEach(async () => {
    await h.close();
  });

  /** Signs in, then makes the stored expiry wrong (as clock skew would), and lets the server's token expire. */
  async function signedInWithSkew() {
    const profile = await addPasswordProfile(h);
    await h.engine.signInWithPassword(profile.id, h.server.seed.user.username, h.server.seed.user.password);
    const item = JSON.parse((await h.secrets.get(profile.id)) ?? '{}') as { accessToken: string; expiresAt: number };
    await h.secrets.set(profile.id, JSON.stringify({ ...item, expiresAt: h.clock.now() + 3_600_000 }));
    // Like every writer of the item: replace the generation nonce, so engines drop their in-memory copy.
    bumpVaultGeneration(h.configDir, profile.id);
    h.clock.advance((TTL + 5) * 1000);
    h.server.stats.reset();
    return { profile, oldToken: item.accessToken };
  }

  it('a console request gets 401, refreshes once, retries once and succeeds', async () => {
    const { profile, oldToken } = await signedInWithSkew();
    const res = await h.engine.request(profile.id, { method: 'GET', path: `users/${h.server.seed.user.id}` });
    expect(res.status).toBe(200);
    expect(res.retriedAfterRefresh).toBe(true);
    expect(h.server.stats.tokenRequests).toBe(1);
    expect(await h.engine.freshToken(profile.id)).not.toBe(oldToken);
  });

  it('whoami also refreshes once after a 401', async () => {
    const { profile } = await signedInWithSkew();
    const me = await h.engine.whoami(profile.id);
    expect(me.username).toBe(h.server.seed.user.username);
    expect(h.server.stats.tokenRequests).toBe(1);
  });
});
