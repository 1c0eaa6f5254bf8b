import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fastToken } from '../../../main/cli/fast-token';
import { createKeytarSecretStore, createTokenEngine, type TokenEngine } from '../../../main/core';
import { startPmServer, type PmServer } from '../../server';

// The fast path reads what the engine wrote (settings file + keychain item) without the engine:
// these tests keep the two in agreement. Run inside ./scripts/with-keyring.sh.
describe('pmtoken token fast path', () => {
  let pm: PmServer;
  let dir: string;
  let engine: TokenEngine;

  beforeAll(async () => {
    pm = await startPmServer();
  });
  afterAll(async () => {
    await pm.close();
  });
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'pmtoken-fast-'));
    engine = createTokenEngine({
      fetch: (i, init) => fetch(i, init),
      secrets: createKeytarSecretStore(),
      configDir: dir,
      openBrowser: async () => undefined,
    });
  });
  afterEach(async () => {
    for (const p of await engine.listProfiles()) await engine.removeProfile(p.id);
    await engine.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const signIn = async (name: string) => {
    const { passwordClient, user } = pm.seed;
    const profile = await engine.addProfile({
      name,
      instanceUrl: pm.url,
      clientId: String(passwordClient.id),
      clientSecret: passwordClient.secret ?? '',
      grant: 'password',
    });
    await engine.signInWithPassword(profile.id, user.username, user.password);
    return profile;
  };

  it('returns the token the engine stored, by name, by id and for the active profile', async () => {
    const first = await signIn('First');
    await signIn('second');
    const stored = await engine.freshToken(first.id);
    expect(await fastToken(dir, 'first')).toBe(stored);
    expect(await fastToken(dir, first.id)).toBe(stored);
    expect(await fastToken(dir, undefined)).toBe(stored);
    await engine.setActiveProfile((await engine.getProfile('second')).id);
    expect(await fastToken(dir, undefined)).toBe(await engine.freshToken((await engine.getProfile('second')).id));
  });

  it('steps aside for a token about to expire, a signed-out profile, or an unknown name', async () => {
    const profile = await signIn('soon');
    const inAYear = Date.now() + 365 * 24 * 3600 * 1000;
    expect(await fastToken(dir, 'soon', inAYear)).toBeNull();
    expect(await fastToken(dir, 'nobody')).toBeNull();
    await engine.signOut(profile.id);
    expect(await fastToken(dir, 'soon')).toBeNull();
  });

  it('steps aside when there is no settings file', async () => {
    expect(await fastToken(join(dir, 'missing'), undefined)).toBeNull();
  });

  it('hands out a personal access token until it expires, then steps aside for the engine', async () => {
    const profile = await engine.addProfile({ name: 'pat', instanceUrl: pm.url, grant: 'personal_access_token' });
    const pat = await pm.issuePersonalAccessToken(pm.seed.user.id, 'fast path');
    await engine.savePersonalAccessToken(profile.id, pat);
    const { expiresAt } = await engine.tokenDetails(profile.id);
    expect(expiresAt).toBeTypeOf('number');
    // Compared as booleans so that a failure never prints a token.
    expect((await fastToken(dir, 'pat', (expiresAt ?? 0) - 1000)) === pat).toBe(true);
    expect((await fastToken(dir, 'pat', (expiresAt ?? 0) + 1000)) === null).toBe(true);
  });

  it('steps aside for a keychain item the vault schema refuses', async () => {
    const profile = await signIn('odd');
    const secrets = createKeytarSecretStore();
    const item = JSON.parse((await secrets.get(profile.id)) ?? '{}') as Record<string, unknown>;
    expect((await fastToken(dir, 'odd')) === item.accessToken).toBe(true);
    await secrets.set(profile.id, JSON.stringify({ ...item, v: 2 }));
    expect((await fastToken(dir, 'odd')) === null).toBe(true);
  });
});
