import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILE_COLORS } from '../../../../main/core';
import { addPasswordProfile, createHarness, rejectsWithCode, type Harness } from '../support/engine-harness';

describe('profiles', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('adds a profile with a random id and a normalised address; the secret goes to the keychain only', async () => {
    const client = h.server.seed.passwordClient;
    const view = await h.engine.addProfile({
      name: '  Acme  ',
      instanceUrl: `${h.server.url}/login`,
      clientId: ` ${client.id} `,
      clientSecret: client.secret ?? '',
      grant: 'password',
    });
    expect(view.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(view.name).toBe('Acme');
    expect(view.instanceUrl).toBe(h.server.url);
    expect(view.clientId).toBe(String(client.id));
    expect(view.hasClientSecret).toBe(true);
    expect(view.active).toBe(true);
    expect(view.status).toEqual({ state: 'signed_out', reason: 'never' });
    const file = await readFile(join(h.configDir, 'config.json'), 'utf8');
    expect(file).toContain('"Acme"');
    expect(file).not.toContain(client.secret!);
    expect(h.events).toContainEqual({ type: 'profiles-changed' });
  });

  it('names are unique regardless of case, with a clear sentence', async () => {
    await addPasswordProfile(h, 'Acme');
    const err = await rejectsWithCode(addPasswordProfile(h, 'ACME'), 'invalid_input');
    expect(err.message).toBe('A profile named “Acme” already exists. Choose another name.');
    const other = await addPasswordProfile(h, 'Other');
    await rejectsWithCode(h.engine.updateProfile(other.id, { name: 'acme' }), 'invalid_input');
    await rejectsWithCode(h.engine.duplicateProfile(other.id, 'aCmE'), 'invalid_input');
  });

  it('rejects nonsense input with plain sentences', async () => {
    await rejectsWithCode(
      h.engine.addProfile({ name: '', instanceUrl: h.server.url, clientId: '1', grant: 'password' }),
      'invalid_input',
    );
    await rejectsWithCode(
      h.engine.addProfile({ name: 'X', instanceUrl: 'ftp://nope', clientId: '1', grant: 'password' }),
      'invalid_input',
    );
    await rejectsWithCode(
      h.engine.addProfile({ name: 'X', instanceUrl: 'http://acme.example.com', clientId: '1', grant: 'password' }),
      'insecure_url',
    );
    await rejectsWithCode(
      h.engine.addProfile({ name: 'X', instanceUrl: h.server.url, grant: 'password' }),
      'invalid_input',
    );
    expect(await h.engine.listProfiles()).toEqual([]);
  });

  it('finds a profile by id or by name, and says plainly when there is none', async () => {
    const profile = await addPasswordProfile(h, 'Acme Prod');
    expect((await h.engine.getProfile('acme prod')).id).toBe(profile.id);
    expect((await h.engine.getProfile(profile.id)).name).toBe('Acme Prod');
    const err = await rejectsWithCode(h.engine.getProfile('nope'), 'not_found');
    expect(err.message).toBe('There is no profile called “nope”.');
  });

  it('the first profile is active; another can be chosen; removing the active one picks the next', async () => {
    const a = await addPasswordProfile(h, 'A');
    const b = await addPasswordProfile(h, 'B');
    expect((await h.engine.activeProfile())?.id).toBe(a.id);
    await h.engine.setActiveProfile(b.id);
    expect((await h.engine.activeProfile())?.id).toBe(b.id);
    expect((await h.engine.listProfiles()).map((p) => [p.name, p.active])).toEqual([
      ['A', false],
      ['B', true],
    ]);
    await h.engine.removeProfile(b.id);
    expect((await h.engine.activeProfile())?.id).toBe(a.id);
  });

  it('removing a profile deletes its keychain item', async () => {
    const profile = await addPasswordProfile(h);
    await h.engine.signInWithPassword(profile.id, h.server.seed.user.username, h.server.seed.user.password);
    expect(await h.secrets.get(profile.id)).not.toBeNull();
    await h.engine.removeProfile(profile.id);
    expect(await h.secrets.get(profile.id)).toBeNull();
    await rejectsWithCode(h.engine.getProfile(profile.id), 'not_found');
  });

  it('duplicating copies the settings and the client secret, not the sign-in', async () => {
    const profile = await addPasswordProfile(h, 'Acme');
    await h.engine.signInWithPassword(profile.id, h.server.seed.user.username, h.server.seed.user.password);
    const copy = await h.engine.duplicateProfile(profile.id, 'Acme copy');
    expect(copy.id).not.toBe(profile.id);
    expect(copy.instanceUrl).toBe(profile.instanceUrl);
    expect(copy.hasClientSecret).toBe(true);
    expect(copy.status).toEqual({ state: 'signed_out', reason: 'never' });
  });

  it('changing the address forgets the tokens of the old server; changing the colour does not', async () => {
    const profile = await addPasswordProfile(h);
    await h.engine.signInWithPassword(profile.id, h.server.seed.user.username, h.server.seed.user.password);
    await h.engine.updateProfile(profile.id, { color: '#AABBCC' });
    const coloured = await h.engine.getProfile(profile.id);
    expect(coloured.color).toBe('#aabbcc');
    expect(coloured.status.state).toBe('signed_in');
    const moved = await h.engine.updateProfile(profile.id, { instanceUrl: 'https://other.processmaker.net' });
    expect(moved.status.state).toBe('signed_out');
    expect(moved.hasClientSecret).toBe(true);
    const cleared = await h.engine.updateProfile(profile.id, { clientSecret: null });
    expect(cleared.hasClientSecret).toBe(false);
  });

  it('checks a typed address: ProcessMaker, not ProcessMaker, plain http, unreachable, each with its code and next step', async () => {
    const good = await h.engine.checkInstance(`${h.server.url}/login`);
    expect(good).toEqual({ url: h.server.url, reachable: true, looksLikeProcessMaker: true });
    const bad = await h.engine.checkInstance('ftp://x');
    expect(bad.reachable).toBe(false);
    expect(bad.error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/https/) });
    const plain = await h.engine.checkInstance('http://acme.example');
    expect(plain).toMatchObject({ reachable: false, error: { code: 'insecure_url' } });
    expect(plain.error?.nextStep).toBe('Use the https address, or confirm that you trust this network.');
    const closed = await h.engine.checkInstance('http://127.0.0.1:1');
    expect(closed).toMatchObject({ reachable: false, looksLikeProcessMaker: false });
    expect(closed.error).toMatchObject({
      code: 'unreachable',
      message: 'Token Tray could not reach the ProcessMaker server.',
      nextStep: expect.any(String),
    });
  });

  it('lists API endpoints from the instance’s OpenAPI document, cached per profile', async () => {
    const profile = await addPasswordProfile(h);
    const endpoints = await h.engine.apiEndpoints(profile.id);
    expect(endpoints.length).toBeGreaterThan(10);
    expect(endpoints.some((e) => e.path.includes('users'))).toBe(true);
    h.server.stats.reset();
    await h.engine.apiEndpoints(profile.id);
    expect(h.server.stats.requests).toBe(0);
    // A new engine (an app restart) gets them from the file cache in the config folder.
    expect(await h.sibling().apiEndpoints(profile.id)).toEqual(endpoints);
    expect(h.server.stats.requests).toBe(0);
    // reload asks the server again.
    await h.engine.apiEndpoints(profile.id, { reload: true });
    expect(h.server.stats.requests).toBe(1);
  });
});

describe('profile colours', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness();
  });
  afterEach(async () => h.close());

  it('gives every new profile, and every copy, a colour of its own; a chosen colour is kept', async () => {
    const first = await addPasswordProfile(h, 'Live');
    const second = await addPasswordProfile(h, 'Test');
    expect(first.color).toBe(PROFILE_COLORS[0]);
    expect(second.color).toBe(PROFILE_COLORS[1]);
    const chosen = await h.engine.addProfile({
      name: 'Chosen',
      instanceUrl: h.server.url,
      clientId: String(h.server.seed.passwordClient.id),
      grant: 'password',
      color: '#ABCDEF',
    });
    expect(chosen.color).toBe('#abcdef');
    const copy = await h.engine.duplicateProfile(first.id, 'Live copy');
    expect(copy.color).toBe(PROFILE_COLORS[2]);
    const colours = (await h.engine.listProfiles()).map((p) => p.color);
    expect(new Set(colours).size).toBe(colours.length);
  });
});
