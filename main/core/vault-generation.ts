/**
 * The generation file of a profile's keychain item: `vault-<profileId>.gen`
 * beside the settings, holding a random nonce. Whoever writes the keychain
 * item (the tray app or any `pmtoken` process) replaces the nonce right after,
 * atomically (temp file + rename). A process may keep the item in memory only
 * as long as the nonce it read BEFORE reading the keychain is still the one on
 * disk, so nobody hands out a token another process has already rotated.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const noncePattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Room for a nonce plus stray whitespace; a longer file is not ours and fails the pattern. */
const buffer = Buffer.alloc(64);

/** Where the generation file of `profileId` lives. */
export function vaultGenerationPath(configDir: string, profileId: string): string {
  return join(configDir, `vault-${profileId}.gen`);
}

/** The nonce on disk, or null when the file is missing or does not hold one. */
export function readVaultGeneration(configDir: string, profileId: string): string | null {
  // open + one read + close: this runs on every token hand-out, so no fstat or second read.
  let fd: number | null = null;
  try {
    fd = openSync(vaultGenerationPath(configDir, profileId), 'r');
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    const text = buffer.toString('latin1', 0, length).trim();
    return noncePattern.test(text) ? text : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Replaces the nonce with a new one (every cache filled under the old nonce is
 * now stale) and returns it; null when the folder cannot be written, after
 * trying to delete the old file so that nobody trusts it any more.
 */
export function bumpVaultGeneration(configDir: string, profileId: string): string | null {
  const path = vaultGenerationPath(configDir, profileId);
  const nonce = randomUUID();
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  try {
    try {
      writeFileSync(temp, nonce, { mode: 0o600 });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      mkdirSync(configDir, { recursive: true });
      writeFileSync(temp, nonce, { mode: 0o600 });
    }
    renameSync(temp, path);
    return nonce;
  } catch {
    rmSync(temp, { force: true });
    try {
      unlinkSync(path);
    } catch {
      // Nothing to delete, or the folder is read-only: readers then see no valid nonce or an old one.
    }
    return null;
  }
}

/** Deletes the generation file (the profile's item is gone); readers then go to the keychain. */
export function dropVaultGeneration(configDir: string, profileId: string): void {
  try {
    rmSync(vaultGenerationPath(configDir, profileId), { force: true });
  } catch {
    bumpVaultGeneration(configDir, profileId);
  }
}
