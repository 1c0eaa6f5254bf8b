/**
 * AllowedServers applies to profiles that exist already: one for a server the organisation no longer
 * allows is set aside (kept in the settings file and its sign-in in the keychain, not deleted), with a
 * sentence naming the policy, and no token is fetched or sent for it. (pmtoken's engine, from the
 * source, with pm-server and the real keychain; the app builds the same engine with the same check.)
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCliEngine } from '../../../main/cli/engine';
import { createKeytarSecretStore, type PolicySystem, type TokenEngine } from '../../../main/core';
import { startPmServer, type PmServer } from '../../server';

const linuxWith = (policy: object): PolicySystem => ({
  platform: 'linux',
  userName: 'jane',
  linuxPath: '/etc/token-tray/policy.json',
  run: async () => '',
  stat: async () => ({ uid: 0, mode: 0o100644 }),
  readFile: async () => JSON.stringify(policy),
  realpath: async (path) => path,
});

describe('AllowedServers and the profiles there already', () => {
  let pm: PmServer;
  let configDir: string;
  const engines: TokenEngine[] = [];
  const service = process.env.TOKEN_TRAY_KEYCHAIN_SERVICE;
  beforeAll(async () => {
    pm = await startPmServer();
  });
  afterAll(async () => {
    await pm.close();
  });
  beforeEach(async () => {
    configDir = await mkdtemp(join(tmpdir(), 'pmtoken-allowed-'));
    process.env.TOKEN_TRAY_KEYCHAIN_SERVICE = `Token Tray test ${randomUUID()}`;
  });
  afterEach(async () => {
    const free = await createCliEngine(configDir, {}, linuxWith({}));
    for (const p of await free.listProfiles()) await free.removeProfile(p.id).catch(() => undefined);
    for (const e of [...engines, free]) await e.dispose();
    engines.length = 0;
    if (service === undefined) delete process.env.TOKEN_TRAY_KEYCHAIN_SERVICE;
    else process.env.TOKEN_TRAY_KEYCHAIN_SERVICE = service;
    await rm(configDir, { recursive: true, force: true });
  });
  const engineWith = async (policy: object) => {
    const engine = await createCliEngine(configDir, {}, linuxWith(policy));
    engines.push(engine);
    return engine;
  };

  it('sets aside a profile for a server no longer allowed, keeps it, and sends nothing for it', async () => {
    const before = await engineWith({});
    const client = pm.seed.passwordClient;
    const local = await before.addProfile({
      name: 'Local',
      instanceUrl: pm.url,
      grant: 'password',
      clientId: String(client.id),
      clientSecret: client.secret ?? '',
    });
    await before.signInWithPassword(local.id, pm.seed.user.username, pm.seed.user.password);
    const kept = await createKeytarSecretStore().get(local.id);
    expect(kept).not.toBeNull();
    pm.stats.reset();

    const after = await engineWith({ AllowedServers: ['acme.processmaker.net'] });
    expect(await after.listProfiles()).toEqual([]);
    await expect(after.freshToken('Local')).rejects.toMatchObject({ code: 'not_found' });
    await expect(after.request(local.id, { method: 'GET', path: 'users' })).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(pm.stats.requests).toBe(0);
    expect(pm.stats.tokenRequests).toBe(0);

    const notes = (await after.setAsideNotes()).map((n) => n.reason);
    expect(notes).toEqual([
      expect.stringContaining(
        'The profile “Local” was set aside because your organisation’s AllowedServers policy does not allow its server',
      ),
    ]);
    // Kept, not deleted: the settings file holds it under setAside, and its sign-in stays in the keychain.
    const file = JSON.parse(await readFile(join(configDir, 'config.json'), 'utf8')) as {
      profiles: unknown[];
      setAside: Array<{ profile?: { id?: string } }>;
    };
    expect(file.profiles).toEqual([]);
    expect(file.setAside.map((item) => item.profile?.id)).toEqual([local.id]);
    expect(await createKeytarSecretStore().get(local.id)).toBe(kept);
    await createKeytarSecretStore().delete(local.id);
  });
});
