import { afterEach, describe, expect, it } from 'vitest';
import { isServerAllowed, isSignInKindAllowed, parsePolicyValues, setupLink } from '../../../../main/core';
import { addPasswordProfile, createHarness, rejectsWithCode, type Harness } from '../support/engine-harness';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe('the organisation’s AllowedServers policy', () => {
  it('refuses a profile or a setup for a server it does not list, before anything is saved', async () => {
    // The policy lists one server only: not the pm-server these tests run.
    const policy = parsePolicyValues({ AllowedServers: 'acme.processmaker.net' }).values;
    h = await createHarness({ isServerAllowed: (url) => isServerAllowed(policy, url) });
    const err = await rejectsWithCode(
      h.engine.addProfile({ name: 'Elsewhere', instanceUrl: h.server.url, grant: 'personal_access_token' }),
      'server_not_allowed',
    );
    expect(err.message).toBe('Your organisation does not allow Token Tray to connect to this server.');
    await rejectsWithCode(
      h.engine.previewSetup(
        setupLink({ name: 'Elsewhere', instanceUrl: h.server.url, grant: 'personal_access_token' }),
      ),
      'server_not_allowed',
    );
    expect(await h.engine.listProfiles()).toEqual([]);
  });

  it('a policy that changes while the app runs sets aside a signed-in profile at once, and sends nothing for it', async () => {
    // The app reads its policies again after waking or when IT changes the file; the settings file itself is unchanged.
    let policy = parsePolicyValues({}).values;
    h = await createHarness({ isServerAllowed: (url) => isServerAllowed(policy, url) });
    const profile = await addPasswordProfile(h);
    const { user } = h.server.seed;
    await h.engine.signInWithPassword(profile.id, user.username, user.password);
    await h.engine.freshToken(profile.id);
    h.server.stats.reset();
    policy = parsePolicyValues({ AllowedServers: 'acme.processmaker.net' }).values;
    await rejectsWithCode(h.engine.freshToken(profile.id), 'not_found');
    await rejectsWithCode(h.engine.request(profile.id, { method: 'GET', path: 'users' }), 'not_found');
    expect(await h.engine.listProfiles()).toEqual([]);
    expect(h.server.stats.requests).toBe(0);
    expect((await h.engine.setAsideNotes()).map((n) => n.key)).toEqual(['error.set_aside.server_not_allowed']);
    expect(await h.secrets.get(profile.id)).not.toBeNull();
  });

  it('lets a listed server through', async () => {
    const policy = parsePolicyValues({ AllowedServers: ['127.0.0.1'] }).values;
    h = await createHarness({ isServerAllowed: (url) => isServerAllowed(policy, url) });
    const added = await h.engine.addProfile({
      name: 'Here',
      instanceUrl: h.server.url,
      grant: 'personal_access_token',
    });
    expect(added.name).toBe('Here');
  });
});

describe('the organisation’s AllowedSignInKinds policy', () => {
  it('refuses a profile, a change of kind or a setup for a way of signing in it does not allow', async () => {
    const policy = parsePolicyValues({ AllowedSignInKinds: ['authorization_code'] }).values;
    h = await createHarness({ isSignInKindAllowed: (grant) => isSignInKindAllowed(policy, grant) });
    const err = await rejectsWithCode(
      h.engine.addProfile({ name: 'Pasted', instanceUrl: h.server.url, grant: 'personal_access_token' }),
      'sign_in_kind_not_allowed',
    );
    expect(err.message).toBe('Your organisation does not allow this way of signing in.');
    await rejectsWithCode(
      h.engine.previewSetup(setupLink({ name: 'P', instanceUrl: h.server.url, grant: 'password', clientId: '2' })),
      'sign_in_kind_not_allowed',
    );
    const client = h.server.seed.codeClient;
    const ok = await h.engine.addProfile({
      name: 'Browser',
      instanceUrl: h.server.url,
      grant: 'authorization_code',
      clientId: String(client.id),
    });
    await rejectsWithCode(h.engine.updateProfile(ok.id, { grant: 'password' }), 'sign_in_kind_not_allowed');
    expect((await h.engine.getProfile(ok.id)).grant).toBe('authorization_code');
  });
});
