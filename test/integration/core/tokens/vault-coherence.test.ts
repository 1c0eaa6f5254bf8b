import { rm, writeFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTokenEngine, type SecretStore, type TokenEngine } from '../../../../main/core';
import { vaultGenerationPath } from '../../../../main/core/tokens';
import { addPasswordProfile, createHarness, rejectsWithCode, type Harness } from '../support/engine-harness';

const TTL = 600;

/** An engine over the harness's folder and keychain service whose keychain calls are counted. */
function countingEngine(h: Harness): { engine: TokenEngine; calls: { get: number; set: number } } {
  const calls = { get: 0, set: 0 };
  const secrets: SecretStore = {
    kind: h.secrets.kind,
    get: (account) => ((calls.get += 1), h.secrets.get(account)),
    set: (account, value) => ((calls.set += 1), h.secrets.set(account, value)),
    delete: (account) => h.secrets.delete(account),
  };
  const engine = createTokenEngine({
    fetch: (input, init) => fetch(input, init),
    secrets,
    configDir: h.configDir,
    clock: h.clock,
    openBrowser: async () => undefined,
  });
  return { engine, calls };
}

describe('engines in two processes share the keychain item without serving a rotated token', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness({ server: { config: { accessTokenTtl: TTL } } });
  });
  afterEach(async () => {
    await h.close();
  });

  async function signedIn() {
    const profile = await addPasswordProfile(h);
    await h.engine.signInWithPassword(profile.id, h.server.seed.user.username, h.server.seed.user.password);
    h.server.stats.reset();
    return profile;
  }

  it('after the other process refreshes, freshToken and request use the new token', async () => {
    const profile = await signedIn();
    const before = await h.engine.freshToken(profile.id);
    const cli = h.sibling();
    await cli.refreshNow(profile.id);
    const rotated = await cli.freshToken(profile.id);
    expect(rotated).not.toBe(before);

    expect(await h.engine.freshToken(profile.id)).toBe(rotated);
    const res = await h.engine.request(profile.id, { method: 'GET', path: 'users' });
    expect(res.status).toBe(200);
    // The old token would have been refused (401) and forced a second refresh.
    expect(res.retriedAfterRefresh).toBe(false);
    expect(h.server.stats.tokenRequests).toBe(1);
  });

  it('the other process refreshing twice in a row is still seen (no stale copy between)', async () => {
    const profile = await signedIn();
    const cli = h.sibling();
    for (let i = 0; i < 3; i++) {
      await h.engine.freshToken(profile.id);
      await cli.refreshNow(profile.id);
      expect(await h.engine.freshToken(profile.id)).toBe(await cli.freshToken(profile.id));
    }
  });

  it('a sign-out in the other process signs this one out too', async () => {
    const profile = await signedIn();
    await h.engine.freshToken(profile.id);
    await h.sibling().signOut(profile.id);
    await rejectsWithCode(h.engine.freshToken(profile.id), 'signed_out');
  });

  it('with a valid stored token, freshToken and a console GET make no keychain call', async () => {
    const profile = await signedIn();
    const { engine, calls } = countingEngine(h);
    await engine.freshToken(profile.id);
    expect(calls.get).toBe(1);
    for (let i = 0; i < 3; i++) {
      await engine.freshToken(profile.id);
      const res = await engine.request(profile.id, { method: 'GET', path: 'users' });
      expect(res.status).toBe(200);
    }
    expect(calls).toEqual({ get: 1, set: 0 });
    await engine.dispose();
  });

  it('a forced refresh writes the keychain once and reads nothing when the copy is current', async () => {
    const profile = await signedIn();
    const { engine, calls } = countingEngine(h);
    await engine.freshToken(profile.id);
    calls.get = 0;
    await engine.refreshNow(profile.id);
    expect(calls).toEqual({ get: 0, set: 1 });
    expect(h.server.stats.tokenRequests).toBe(1);
    await engine.dispose();
  });

  it.each([
    ['deleted', (path: string) => rm(path, { force: true })],
    ['damaged', async (path: string) => (await rm(path, { force: true }), await writeFile(path, '{"oops"'))],
  ])('with the generation file %s, the engine reads the keychain again', async (_label, spoil) => {
    const profile = await signedIn();
    const { engine, calls } = countingEngine(h);
    const before = await engine.freshToken(profile.id);
    // The item changes behind the engine's back, and the generation file is no help.
    const item = JSON.parse((await h.secrets.get(profile.id)) ?? '{}') as Record<string, unknown>;
    await h.secrets.set(profile.id, JSON.stringify({ ...item, accessToken: `${before}x` }));
    await spoil(vaultGenerationPath(h.configDir, profile.id));
    expect(await engine.freshToken(profile.id)).toBe(`${before}x`);
    expect(calls.get).toBe(2);
    await engine.dispose();
  });
});
