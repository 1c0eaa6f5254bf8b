import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTokenEngine } from '../../../../main/core';
import { createKeytarSecretStore } from '../../../../main/core/tokens';

// This file runs in its own worker (vitest pool: forks): point libsecret at a
// D-Bus address where nothing listens before keytar is first used.
process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/token-tray-test-bus';

// Only the Secret Service can be pointed at nothing from inside a test; the macOS Keychain and
// Windows Credential Manager always answer, so there the test is reported skipped, with the reason.
const onLinux = process.platform === 'linux';
const suiteName = `a keychain that does not answer${onLinux ? '' : ' (skipped: needs Linux’s Secret Service)'}`;

describe.skipIf(!onLinux)(suiteName, () => {
  it('becomes keychain_unavailable with a plain sentence, not a crash', async () => {
    const store = createKeytarSecretStore('Token Tray test unavailable');
    await expect(store.get('x')).rejects.toMatchObject({
      code: 'keychain_unavailable',
      message: 'Token Tray could not open this computer’s secure password storage.',
    });
    await expect(store.set('x', 'y')).rejects.toMatchObject({ code: 'keychain_unavailable' });
  });

  it('still lets the profiles be listed from the settings, each "keychain unavailable"', async () => {
    const configDir = await mkdtemp(join(tmpdir(), 'token-tray-no-keychain-'));
    const engine = createTokenEngine({
      fetch: () => Promise.reject(new Error('no network in this test')),
      secrets: createKeytarSecretStore('Token Tray test unavailable'),
      configDir,
      openBrowser: async () => undefined,
    });
    try {
      // Without a client secret, adding touches only the settings file.
      for (const name of ['Acme', 'Contoso'])
        await engine.addProfile({
          name,
          instanceUrl: `https://${name.toLowerCase()}.example`,
          clientId: '7',
          grant: 'password',
        });
      const views = await engine.listProfiles();
      expect(views.map((v) => [v.name, v.status, v.active])).toEqual([
        ['Acme', { state: 'keychain_unavailable' }, true],
        ['Contoso', { state: 'keychain_unavailable' }, false],
      ]);
      expect((await engine.activeProfile())?.status).toEqual({ state: 'keychain_unavailable' });
      expect((await engine.getProfile('Contoso')).hasClientSecret).toBe(false);
      // What needs the keychain still says so plainly.
      await expect(engine.freshToken('Acme')).rejects.toMatchObject({ code: 'keychain_unavailable' });
    } finally {
      await engine.dispose();
      await rm(configDir, { recursive: true, force: true });
    }
  });
});
