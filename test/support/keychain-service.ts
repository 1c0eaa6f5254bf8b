/**
 * Vitest global setup: every test run writes its keychain entries under a service of its own
 * ("Token Tray test <random>"), never the app's "Token Tray", and deletes what is left at the end.
 * On Linux the run also has a private keyring (scripts/with-keyring.sh); on macOS and Windows this is
 * what keeps the tests out of the person's own Token Tray entries.
 */
import { createRequire } from 'node:module';

interface KeytarLike {
  findCredentials(service: string): Promise<Array<{ account: string }>>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** The run's keychain service, as the vitest config set it for workers and their children. */
export function testKeychainService(): string {
  const service = process.env.TOKEN_TRAY_KEYCHAIN_SERVICE;
  if (!service || service === 'Token Tray') throw new Error('The tests must run under a test keychain service.');
  return service;
}

export function setup(): () => Promise<void> {
  const service = testKeychainService();
  return async () => {
    let keytar: KeytarLike;
    try {
      keytar = createRequire(import.meta.url)('keytar') as KeytarLike;
    } catch {
      return;
    }
    try {
      const left = await keytar.findCredentials(service);
      for (const { account } of left) await keytar.deletePassword(service, account);
    } catch {
      // No keychain answers (a locked or absent Secret Service): nothing was stored there either.
    }
  };
}
