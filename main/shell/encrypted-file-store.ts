/**
 * The fallback {@link SecretStore} for desktops where no keychain answers: each
 * secret is encrypted with Electron's safeStorage (passed in as an
 * {@link Encryptor}) and kept in one JSON file in the user-data folder,
 * written by core's careful writer (temp file, fsync, rename) with owner-only permissions. Weaker than the keychain,
 * and the app says so (kind `encrypted-file`); never plain text.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { createKeyedQueue, TokenTrayError, writeFileAtomic } from '../core';
import type { ErrorSentenceKey, SecretStore } from '../core';

/** Encrypts and decrypts strings (Electron's safeStorage in the app). */
export interface Encryptor {
  encrypt(plainText: string): Promise<Buffer>;
  decrypt(encrypted: Buffer): Promise<string>;
}

interface SecretsFile {
  version: 1;
  /** account -> base64 ciphertext */
  items: Record<string, string>;
}

async function load(file: string): Promise<SecretsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, items: {} };
    throw new TokenTrayError('keychain_unavailable', undefined, { cause: err });
  }
  try {
    const parsed = JSON.parse(text) as Partial<SecretsFile>;
    const items = parsed.items && typeof parsed.items === 'object' ? parsed.items : {};
    return { version: 1, items: Object.fromEntries(Object.entries(items).filter(([, v]) => typeof v === 'string')) };
  } catch (cause) {
    throw new TokenTrayError('keychain_unavailable', 'error.secrets_file.damaged', { cause });
  }
}

function save(file: string, content: SecretsFile): void {
  mkdirSync(dirname(file), { recursive: true });
  try {
    writeFileAtomic(file, JSON.stringify(content));
  } catch (err) {
    throw new TokenTrayError('keychain_unavailable', undefined, { cause: err });
  }
}

/** A {@link SecretStore} over one encrypted JSON file. Writes are serialised within the process. */
export function createEncryptedFileStore(file: string, encryptor: Encryptor): SecretStore {
  const queue = createKeyedQueue();
  const serial = <T>(step: () => Promise<T>): Promise<T> => queue.run(file, step);

  return {
    kind: 'encrypted-file',
    get: (account) =>
      serial(async () => {
        const value = (await load(file)).items[account];
        if (value === undefined) return null;
        try {
          return await encryptor.decrypt(Buffer.from(value, 'base64'));
        } catch (cause) {
          throw new TokenTrayError('keychain_unavailable', 'error.secrets_file.cannot_unlock', { cause });
        }
      }),
    set: (account, value) =>
      serial(async () => {
        const content = await load(file).catch((): SecretsFile => ({ version: 1, items: {} }));
        content.items[account] = (await encryptor.encrypt(value)).toString('base64');
        save(file, content);
      }),
    delete: (account) =>
      serial(async () => {
        const content = await load(file);
        if (!(account in content.items)) return false;
        delete content.items[account];
        save(file, content);
        return true;
      }),
  };
}

/** A store that refuses every call with a plain sentence: no safe place for secrets exists. */
export function createRefusingSecretStore(reason: ErrorSentenceKey): SecretStore {
  const refuse = async (): Promise<never> => {
    throw new TokenTrayError('keychain_unavailable', reason);
  };
  return { kind: 'keychain', get: refuse, set: refuse, delete: refuse };
}
