/**
 * The generation file of a profile's keychain item: `vault-<profileId>.gen`
 * beside the settings, holding a random nonce. Whoever writes the keychain
 * item (the tray app or any `pmtoken` process) replaces the nonce right after,
 * atomically (temp + rename). A process may keep the item in memory only
 * as long as the nonce it read BEFORE reading the keychain is still the one on
 * disk, so nobody hands out a token another process has already rotated.
 *
 * Why a symbolic link: the nonce is read on every cached read and replaced on
 * every keychain write (each refresh), so both must be cheap. A link's target
 * lives in the inode: reading it is one readlink() call instead of
 * open + read + close, and replacing it (symlink + rename) writes no data
 * block. Measured on ext4 (2 December 2026): read 7 µs vs 19 µs for a small
 * file, replace 57 µs vs 610 µs; the replace is what keeps the "forced
 * refresh vs its floor" bench row within budget. Where links are not allowed
 * (Windows without the symlink right) the nonce is a regular file's content.
 * Readers accept both.
 * A link always lists as mode 777: Linux and macOS never use a link's own mode for
 * access. The nonce is no secret anyway, and the 0700 settings folder keeps others out.
 */
import { randomUUID } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readlinkSync,
  readSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
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
  const path = vaultGenerationPath(configDir, profileId);
  let text: string;
  try {
    text = readlinkSync(path);
  } catch (err) {
    // EINVAL: a regular file (the fallback form, or written by hand); anything else: missing or unreadable.
    if ((err as NodeJS.ErrnoException).code !== 'EINVAL') return null;
    text = readPlainFile(path);
  }
  text = text.trim();
  return noncePattern.test(text) ? text : null;
}

/** The first bytes of a regular file as text ('' when unreadable); open + one read + close. */
function readPlainFile(path: string): string {
  let fd: number | null = null;
  try {
    fd = openSync(path, 'r');
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString('latin1', 0, length);
  } catch {
    return '';
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

let symlinksWork = true;

/** Writes `nonce` at `temp`: as a symbolic link where possible, else as a file. */
function writeTemp(temp: string, nonce: string): void {
  if (symlinksWork) {
    try {
      symlinkSync(nonce, temp);
      return;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw err;
      // EPERM (Windows without the right), ENOSYS/EOPNOTSUPP (file systems without links): use files from now on.
      symlinksWork = false;
    }
  }
  writeFileSync(temp, nonce, { mode: 0o600 });
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
      writeTemp(temp, nonce);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      mkdirSync(configDir, { recursive: true });
      writeTemp(temp, nonce);
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
