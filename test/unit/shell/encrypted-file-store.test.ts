import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenTrayError } from '../../../main/core/errors';
import {
  createEncryptedFileStore,
  createRefusingSecretStore,
  type Encryptor,
} from '../../../main/shell/encrypted-file-store';

/** Real AES-256-GCM in place of Electron's safeStorage (which needs the Electron binary). */
function aesEncryptor(key = randomBytes(32)): Encryptor {
  return {
    async encrypt(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tt-secrets-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('encrypted-file secret store (safeStorage fallback)', () => {
  it('stores, reads back and deletes secrets, and says it is the weaker kind', async () => {
    const store = createEncryptedFileStore(join(dir, 'secrets.enc.json'), aesEncryptor());
    expect(store.kind).toBe('encrypted-file');
    const secret = randomBytes(24).toString('hex');
    await store.set('profile-1', secret);
    expect((await store.get('profile-1')) === secret).toBe(true);
    expect(await store.get('profile-2')).toBeNull();
    expect(await store.delete('profile-1')).toBe(true);
    expect(await store.delete('profile-1')).toBe(false);
    expect(await store.get('profile-1')).toBeNull();
  });

  it('never writes the secret in plain text, and keeps the file private', async () => {
    const file = join(dir, 'secrets.enc.json');
    const store = createEncryptedFileStore(file, aesEncryptor());
    const secret = `secret-${randomBytes(8).toString('hex')}`;
    await store.set('p', secret);
    expect(readFileSync(file, 'utf8').includes(secret)).toBe(false);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['secrets.enc.json']);
  });

  it('keeps every secret when many are written at once', async () => {
    const store = createEncryptedFileStore(join(dir, 's.json'), aesEncryptor());
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`p${i}`, `v${i}`)));
    for (let i = 0; i < 20; i++) expect(await store.get(`p${i}`)).toBe(`v${i}`);
  });

  it('reports a secret another key cannot decrypt as a plain keychain error', async () => {
    const file = join(dir, 's.json');
    await createEncryptedFileStore(file, aesEncryptor()).set('p', 'v');
    const err = await createEncryptedFileStore(file, aesEncryptor())
      .get('p')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenTrayError);
    expect((err as TokenTrayError).code).toBe('keychain_unavailable');
    expect((err as TokenTrayError).message).toBe('Token Tray could not unlock a saved sign-in on this computer.');
  });

  it('reports a damaged file plainly, and replaces it on the next save', async () => {
    const file = join(dir, 's.json');
    writeFileSync(file, '{broken');
    const store = createEncryptedFileStore(file, aesEncryptor());
    const err = (await store.get('p').catch((e: unknown) => e)) as TokenTrayError;
    expect(err.code).toBe('keychain_unavailable');
    await store.set('p', 'v');
    expect(await store.get('p')).toBe('v');
  });

  it('the refusing store (plain-text backend) refuses every operation with a next step', async () => {
    const store = createRefusingSecretStore('error.keychain.none');
    for (const op of [() => store.get('a'), () => store.set('a', 'b'), () => store.delete('a')]) {
      const err = (await op().catch((e: unknown) => e)) as TokenTrayError;
      expect(err.code).toBe('keychain_unavailable');
      expect(err.message).toBe(
        'This computer has no secure password storage that Token Tray can use, so it will not save sign-ins.',
      );
      expect(err.nextStep).toBe(
        'Install and unlock a keyring (such as GNOME Keyring or KWallet), then restart Token Tray.',
      );
    }
  });
});
