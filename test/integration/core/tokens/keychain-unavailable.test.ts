import { describe, expect, it } from 'vitest';
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
});
