/**
 * pmtoken under the organisation's policies, read as the app reads them: the organisation's profiles
 * exist for people who use only pmtoken, an address AllowedServers does not list is refused, and with
 * AllowUserProfiles off no profile of one's own is added. (The engine pmtoken builds, from the source.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliEngine } from '../../../main/cli/engine';
import type { PolicySystem, TokenEngine } from '../../../main/core';

/** A Linux system whose /etc/token-tray/policy.json (here a private path) holds `policy`, root-owned. */
const linuxWith = (policy: object): PolicySystem => ({
  platform: 'linux',
  userName: 'jane',
  linuxPath: '/etc/token-tray/policy.json',
  run: async () => '',
  stat: async () => ({ uid: 0, mode: 0o100644 }),
  readFile: async () => JSON.stringify(policy),
  realpath: async (path) => path,
});

describe('pmtoken follows the organisation’s policies', () => {
  let configDir: string;
  let engine: TokenEngine | undefined;
  const service = process.env.TOKEN_TRAY_KEYCHAIN_SERVICE;
  beforeEach(async () => {
    configDir = await mkdtemp(join(tmpdir(), 'pmtoken-policy-'));
    process.env.TOKEN_TRAY_KEYCHAIN_SERVICE = `Token Tray test ${randomUUID()}`;
  });
  afterEach(async () => {
    for (const p of (await engine?.listProfiles()) ?? []) await engine?.signOut(p.id).catch(() => undefined);
    await engine?.dispose();
    engine = undefined;
    if (service === undefined) delete process.env.TOKEN_TRAY_KEYCHAIN_SERVICE;
    else process.env.TOKEN_TRAY_KEYCHAIN_SERVICE = service;
    await rm(configDir, { recursive: true, force: true });
  });

  it('the organisation’s profile is there, and locked; a server it does not allow is refused', async () => {
    engine = await createCliEngine(
      configDir,
      {},
      linuxWith({
        AllowedServers: ['acme.processmaker.net'],
        Profiles: [{ v: 1, name: 'Acme', url: 'https://acme.processmaker.net', kind: 'personal_access_token' }],
      }),
    );
    const [acme] = await engine.listProfiles();
    expect(acme).toMatchObject({ name: 'Acme', managed: true });
    await expect(engine.removeProfile(acme!.id)).rejects.toMatchObject({ code: 'managed_by_policy' });
    await expect(
      engine.addProfile({ name: 'Other', instanceUrl: 'https://other.example.com', grant: 'personal_access_token' }),
    ).rejects.toMatchObject({ code: 'server_not_allowed' });
  });

  it('with AllowUserProfiles off, pmtoken adds no profile of one’s own', async () => {
    engine = await createCliEngine(configDir, {}, linuxWith({ AllowUserProfiles: false }));
    await expect(
      engine.addProfile({ name: 'Mine', instanceUrl: 'https://acme.processmaker.net', grant: 'personal_access_token' }),
    ).rejects.toMatchObject({ code: 'profiles_not_allowed' });
  });

  it('a policy file anyone could change is left out: pmtoken works as without policies', async () => {
    const writable: PolicySystem = {
      ...linuxWith({ AllowUserProfiles: false }),
      stat: async () => ({ uid: 1000, mode: 0o100666 }),
    };
    engine = await createCliEngine(configDir, {}, writable);
    await engine.addProfile({
      name: 'Mine',
      instanceUrl: 'https://acme.processmaker.net',
      grant: 'personal_access_token',
    });
    expect((await engine.listProfiles()).map((p) => p.name)).toEqual(['Mine']);
  });
});
