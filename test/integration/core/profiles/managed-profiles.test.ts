/**
 * Profiles the organisation deploys (the `Profiles` policy, as setup files): they appear by
 * themselves, follow the policy, cannot be changed or removed here, and are released (not deleted)
 * when the policy stops listing them. With AllowUserProfiles off, nobody adds one of their own.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/engine-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const setup = (server: Harness['server'], extra: Record<string, unknown> = {}) => ({
  v: 1,
  name: 'Acme',
  url: server.url,
  kind: 'password',
  client_id: String(server.seed.passwordClient.id),
  client_secret: server.seed.passwordClient.secret,
  ...extra,
});

describe('profiles the organisation deploys', () => {
  it('appear by themselves with the secret in the keychain, and the person only signs in', async () => {
    h = await createHarness();
    const outcome = await h.engine.applyManagedProfiles([
      setup(h.server),
      JSON.stringify(
        setup(h.server, {
          name: 'Acme PAT',
          kind: 'personal_access_token',
          client_id: undefined,
          client_secret: undefined,
        }),
      ),
    ]);
    expect(outcome).toMatchObject({ added: ['Acme', 'Acme PAT'], updated: [], released: [], problems: [] });
    const [acme] = await h.engine.listProfiles();
    expect(acme).toMatchObject({ name: 'Acme', managed: true, hasClientSecret: true, active: true });
    const { username, password } = h.server.seed.user;
    const signedIn = await h.engine.signInWithPassword(acme!.id, username, password);
    expect(signedIn.status.state).toBe('signed_in');
    // The secret went to the keychain, never to the settings file.
    const file = await readFile(join(h.configDir, 'config.json'), 'utf8');
    expect(file).not.toContain(h.server.seed.passwordClient.secret ?? 'no secret');
    expect(JSON.parse(file).profiles[0]).toMatchObject({ managed: true });
  });

  it('a second start with the same policy changes nothing and writes nothing', async () => {
    h = await createHarness();
    await h.engine.applyManagedProfiles([setup(h.server)]);
    const before = await readFile(join(h.configDir, 'config.json'), 'utf8');
    const events = h.events.length;
    expect(await h.engine.applyManagedProfiles([setup(h.server)])).toEqual({
      added: [],
      updated: [],
      released: [],
      problems: [],
    });
    expect(await readFile(join(h.configDir, 'config.json'), 'utf8')).toBe(before);
    expect(h.events.length).toBe(events);
  });

  it('cannot be changed or removed here; signing in and out stay the person’s', async () => {
    h = await createHarness();
    await h.engine.applyManagedProfiles([setup(h.server)]);
    const [acme] = await h.engine.listProfiles();
    for (const attempt of [
      () => h!.engine.updateProfile(acme!.id, { clientId: '99' }),
      () => h!.engine.updateProfile(acme!.id, { name: 'Mine' }),
      () => h!.engine.updateProfile(acme!.id, { clientSecret: 'other' }),
      () => h!.engine.removeProfile(acme!.id),
    ]) {
      await expect(attempt()).rejects.toMatchObject({
        code: 'managed_by_policy',
        message: 'Your organisation set up this profile, so it cannot be changed or removed here.',
      });
    }
    const { username, password } = h.server.seed.user;
    await h.engine.signInWithPassword(acme!.id, username, password);
    await h.engine.signOut(acme!.id);
    expect((await h.engine.getProfile(acme!.id)).status.state).toBe('signed_out');
    // A copy is the person's own.
    const copy = await h.engine.duplicateProfile(acme!.id, 'Acme (mine)');
    expect(copy.managed).toBeUndefined();
  });

  it('follows the policy: a new name or client updates it; one no longer listed is released, not deleted', async () => {
    h = await createHarness();
    await h.engine.applyManagedProfiles([setup(h.server)]);
    const [acme] = await h.engine.listProfiles();
    const { username, password } = h.server.seed.user;
    await h.engine.signInWithPassword(acme!.id, username, password);
    const renamed = await h.engine.applyManagedProfiles([setup(h.server, { name: 'Acme Corp', color: '#114477' })]);
    expect(renamed.updated).toEqual(['Acme Corp']);
    const after = await h.engine.getProfile(acme!.id);
    expect(after).toMatchObject({ name: 'Acme Corp', color: '#114477', managed: true });
    // Same client: the sign-in is kept.
    expect(after.status.state).toBe('signed_in');

    // Policies that could not all be read release nothing.
    expect((await h.engine.applyManagedProfiles([], { release: false })).released).toEqual([]);
    expect((await h.engine.getProfile(acme!.id)).managed).toBe(true);
    const released = await h.engine.applyManagedProfiles([]);
    expect(released.released).toEqual(['Acme Corp']);
    const free = await h.engine.getProfile(acme!.id);
    expect(free.managed).toBeUndefined();
    expect(free.status.state).toBe('signed_in');
    await h.engine.updateProfile(acme!.id, { name: 'Now mine' });
  });

  it('a profile the person made for the same server is adopted, keeping its sign-in', async () => {
    h = await createHarness();
    const client = h.server.seed.passwordClient;
    const own = await h.engine.addProfile({
      name: 'My Acme',
      instanceUrl: h.server.url,
      grant: 'password',
      clientId: String(client.id),
      clientSecret: client.secret ?? '',
    });
    const { username, password } = h.server.seed.user;
    await h.engine.signInWithPassword(own.id, username, password);
    const outcome = await h.engine.applyManagedProfiles([setup(h.server)]);
    expect(outcome.updated).toEqual(['Acme']);
    expect(await h.engine.listProfiles()).toHaveLength(1);
    expect(await h.engine.getProfile(own.id)).toMatchObject({
      name: 'Acme',
      managed: true,
      status: { state: 'signed_in' },
    });
  });

  it('an entry that cannot be used is told with its place in the list; the others still apply', async () => {
    h = await createHarness();
    const outcome = await h.engine.applyManagedProfiles([
      { v: 1, name: 'Broken' },
      setup(h.server),
      { ...setup(h.server), password: 'hunter2' },
    ]);
    expect(outcome.added).toEqual(['Acme']);
    expect(outcome.problems.map((p) => [p.entry, p.error.code])).toEqual([
      [1, 'setup_invalid'],
      [3, 'setup_has_credentials'],
    ]);
    expect(JSON.stringify(outcome)).not.toContain('hunter2');
  });

  it('with AllowUserProfiles off, no profile of one’s own is added, copied or set up from a link', async () => {
    h = await createHarness({ allowUserProfiles: () => false });
    await h.engine.applyManagedProfiles([setup(h.server)]);
    const [acme] = await h.engine.listProfiles();
    await expect(
      h.engine.addProfile({ name: 'Other', instanceUrl: h.server.url, grant: 'personal_access_token' }),
    ).rejects.toMatchObject({ code: 'profiles_not_allowed' });
    await expect(h.engine.duplicateProfile(acme!.id, 'Copy')).rejects.toMatchObject({ code: 'profiles_not_allowed' });
    const preview = await h.engine.previewSetup(
      `pmtokentray://setup?v=1&name=Beta&url=${encodeURIComponent('https://beta.example.com')}&kind=personal_access_token`,
    );
    await expect(h.engine.applySetup(preview.setupId)).rejects.toMatchObject({ code: 'profiles_not_allowed' });
    expect((await h.engine.listProfiles()).map((p) => p.name)).toEqual(['Acme']);
  });
});
