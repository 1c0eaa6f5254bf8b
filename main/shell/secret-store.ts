/**
 * Chooses where secrets live: the OS keychain (keytar) when it answers;
 * otherwise Electron safeStorage with an encrypted file in the user-data
 * folder (kind `encrypted-file`, shown to the user as weaker); and never
 * safeStorage's plain-text backend: then every secret operation is refused
 * with a plain sentence.
 */
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { createKeytarSecretStore } from '../core';
import type { LogSink, SecretStore } from '../core';
import { createEncryptedFileStore, createRefusingSecretStore } from './encrypted-file-store';

/** How long the keychain may take to answer the probe before we call it absent. */
const probeTimeoutMs = 5_000;

async function keychainAnswers(store: SecretStore): Promise<boolean> {
  const probe = store.get('token-tray-probe').then(
    () => true,
    () => false,
  );
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), probeTimeoutMs));
  return Promise.race([probe, timeout]);
}

/** Builds the app's {@link SecretStore}. Call after `ready` (safeStorage needs it). */
export async function createAppSecretStore(service: string, userDataDir: string, log: LogSink): Promise<SecretStore> {
  const keychain = createKeytarSecretStore(service);
  if (await keychainAnswers(keychain)) return keychain;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    log.error('No keychain answered and safeStorage would store secrets as plain text; refusing to store secrets.');
    return createRefusingSecretStore('error.keychain.none');
  }
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    log.error('No keychain answered and safeStorage encryption is not available.');
    return createRefusingSecretStore('error.keychain.no_encryption');
  }
  log.warn('No keychain answered; secrets are kept in a safeStorage-encrypted file (weaker).');
  return createEncryptedFileStore(join(userDataDir, 'secrets.enc.json'), {
    encrypt: (text) => safeStorage.encryptStringAsync(text),
    decrypt: async (data) => (await safeStorage.decryptStringAsync(data)).result,
  });
}
