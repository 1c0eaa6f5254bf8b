import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addPasswordProfile, createHarness, rejectsWithCode, type Harness } from '../support/engine-harness';

describe('password grant and personal access tokens', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('signs in with a good password, stores the pair in one keychain item and knows the user', async () => {
    const profile = await addPasswordProfile(h);
    const { user } = h.server.seed;
    const view = await h.engine.signInWithPassword(profile.id, user.username, user.password);
    expect(view.status.state).toBe('signed_in');
    if (view.status.state !== 'signed_in') throw new Error('not signed in');
    expect(view.status.user?.username).toBe(user.username);
    expect(view.status.refreshable).toBe(true);
    expect(view.username).toBe(user.username);
    const raw = await h.secrets.get(profile.id);
    const stored = JSON.parse(raw ?? '{}') as Record<string, unknown>;
    expect(stored.kind).toBe('oauth');
    expect(typeof stored.refreshToken).toBe('string');
    expect(stored.clientSecret).toBe(h.server.seed.passwordClient.secret);
    const token = await h.engine.freshToken(profile.name);
    expect(token).toBe(stored.accessToken);
    const me = await h.engine.whoami(profile.id);
    expect(me.id).toBe(String(user.id));
  });

  it('a wrong password is bad_credentials and leaves the stored tokens alone', async () => {
    const profile = await addPasswordProfile(h);
    const { user } = h.server.seed;
    await h.engine.signInWithPassword(profile.id, user.username, user.password);
    const before = await h.secrets.get(profile.id);
    const err = await rejectsWithCode(
      h.engine.signInWithPassword(profile.id, user.username, 'not-the-password'),
      'bad_credentials',
    );
    expect(err.message).toBe('The username or password is not correct.');
    expect(await h.secrets.get(profile.id)).toBe(before);
  });

  it('the old ProcessMaker shape of a wrong password (401 invalid_credentials) is bad_credentials too', async () => {
    const old = await createHarness({ server: { config: { legacyInvalidCredentials: true } } });
    try {
      const profile = await addPasswordProfile(old);
      const { user } = old.server.seed;
      await rejectsWithCode(old.engine.signInWithPassword(profile.id, user.username, 'wrong'), 'bad_credentials');
      const view = await old.engine.signInWithPassword(profile.id, user.username, user.password);
      expect(view.status.state).toBe('signed_in');
    } finally {
      await old.close();
    }
  });

  it('a wrong client secret is client_rejected', async () => {
    const client = h.server.seed.passwordClient;
    const profile = await h.engine.addProfile({
      name: 'Bad secret',
      instanceUrl: h.server.url,
      clientId: String(client.id),
      clientSecret: 'x'.repeat(40),
      grant: 'password',
    });
    const { user } = h.server.seed;
    await rejectsWithCode(h.engine.signInWithPassword(profile.id, user.username, user.password), 'client_rejected');
    expect((await h.engine.getProfile(profile.id)).status.state).toBe('signed_out');
  });

  it('a throttled token endpoint is throttled, a failing one is server_error', async () => {
    const profile = await addPasswordProfile(h);
    const { user } = h.server.seed;
    h.server.faults.throttle = true;
    await rejectsWithCode(h.engine.signInWithPassword(profile.id, user.username, user.password), 'throttled');
    h.server.faults.throttle = false;
    // pm-server's throttle says Retry-After: 60; no token request goes out before it passes.
    h.server.stats.reset();
    await rejectsWithCode(h.engine.signInWithPassword(profile.id, user.username, user.password), 'throttled');
    expect(h.server.stats.tokenRequests).toBe(0);
    h.clock.advance(61_000);
    h.server.faults.failNext(1, 503);
    await rejectsWithCode(h.engine.signInWithPassword(profile.id, user.username, user.password), 'server_error');
  });

  it('a good personal access token is checked with ProcessMaker, stored, and sign-out says to revoke it', async () => {
    const profile = await h.engine.addProfile({
      name: 'PAT',
      instanceUrl: h.server.url,
      grant: 'personal_access_token',
    });
    const pat = await h.server.issuePersonalAccessToken(h.server.seed.user.id, 'token tray test');
    const view = await h.engine.savePersonalAccessToken(profile.id, `  Bearer ${pat}\n`);
    expect(view.status.state).toBe('signed_in');
    expect(await h.engine.freshToken(profile.id)).toBe(pat);
    const details = await h.engine.tokenDetails(profile.id);
    expect(details.kind).toBe('personal_access_token');
    expect(details.masked).not.toContain(pat.slice(4, -4));
    expect(details.masked.startsWith(pat.slice(0, 4))).toBe(true);
    expect(details.claims?.sub).toBe(String(h.server.seed.user.id));
    expect(details.refreshable).toBe(false);
    const out = await h.engine.signOut(profile.id);
    expect(out.note).toBe('common.sign_out.revoke_personal_token');
    await rejectsWithCode(h.engine.freshToken(profile.id), 'signed_out');
  });

  it('a personal access token ProcessMaker refuses is token_rejected and is not stored', async () => {
    const profile = await h.engine.addProfile({
      name: 'PAT',
      instanceUrl: h.server.url,
      grant: 'personal_access_token',
    });
    const pat = await h.server.issuePersonalAccessToken(h.server.seed.user.id, 'soon revoked');
    h.server.faults.revokeEverything();
    await rejectsWithCode(h.engine.savePersonalAccessToken(profile.id, pat), 'token_rejected');
    expect((await h.engine.getProfile(profile.id)).status).toEqual({ state: 'signed_out', reason: 'never' });
  });

  it('sign-out forgets the tokens but keeps the client secret and the settings', async () => {
    const profile = await addPasswordProfile(h);
    const { user } = h.server.seed;
    await h.engine.signInWithPassword(profile.id, user.username, user.password);
    expect(await h.engine.signOut(profile.id)).toEqual({});
    const view = await h.engine.getProfile(profile.id);
    expect(view.status).toEqual({ state: 'signed_out', reason: 'signed_out' });
    expect(view.hasClientSecret).toBe(true);
    const stored = JSON.parse((await h.secrets.get(profile.id)) ?? '{}') as Record<string, unknown>;
    expect(stored.accessToken).toBeUndefined();
    expect(stored.refreshToken).toBeUndefined();
    expect(h.events.some((e) => e.type === 'signed-out' && e.reason === 'signed_out')).toBe(true);
  });
});
