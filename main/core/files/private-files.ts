/**
 * The one careful writer: a file is replaced by writing a temporary file in
 * the same folder, flushing it to the disk (fsync), renaming it over the old
 * name and flushing the folder, so a crash or a killed process leaves either
 * the old file or the new one, whole, never half of either. rename replaces a
 * symbolic link itself, so a write never goes through a link to some other
 * file. Files are 0600 unless the caller asks otherwise. A disk that is full
 * or read-only (or a folder we may not write) becomes `storage_full` or
 * `storage_read_only`, and no half-written file is left behind.
 *
 * The settings folder is private to the user whatever the umask: 0700.
 */
import { randomUUID } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TokenTrayError } from '../errors';

/** Mode of the settings folder. */
export const PRIVATE_DIR_MODE = 0o700;
/** Mode of every file in it. */
export const PRIVATE_FILE_MODE = 0o600;

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM']);

/**
 * The plain error for a failed write into `dir` (full or read-only disk), or
 * null when `err` is something else (then the caller rethrows it as it is).
 */
export function storageError(err: unknown, dir: string): TokenTrayError | null {
  if (err instanceof TokenTrayError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code ?? '';
  if (FULL.has(code))
    return new TokenTrayError('storage_full', undefined, {
      params: { dir },
      next: 'error.storage_full.dir.next',
      cause: err,
    });
  if (READ_ONLY.has(code))
    return new TokenTrayError('storage_read_only', undefined, {
      params: { dir },
      next: 'error.storage_read_only.dir.next',
      cause: err,
    });
  return null;
}

/** Rethrows `err` as a storage error when it is one, else as it is. */
export function throwStorageError(err: unknown, dir: string): never {
  throw storageError(err, dir) ?? err;
}

/**
 * Creates the folder (and its parents) as 0700. An existing folder is narrowed
 * to 0700 when it is ours and not a shared one (a sticky folder such as /tmp).
 */
export function ensurePrivateDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    const st = statSync(dir);
    const ours = typeof process.getuid !== 'function' || st.uid === process.getuid();
    const sticky = (st.mode & 0o1000) !== 0;
    if (ours && !sticky && (st.mode & 0o077) !== 0) chmodSync(dir, PRIVATE_DIR_MODE);
  } catch (err) {
    throwStorageError(err, dir);
  }
}

/** Writes `content` (text as UTF-8) to `fd` completely. */
function writeAll(fd: number, content: string | Uint8Array): void {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  let done = 0;
  while (done < data.length) done += writeSync(fd, data, done, data.length - done);
}

/**
 * Creates `path` only if it does not exist (`wx`), 0600, holding `text`;
 * returns false when it already exists. A file that could not be written
 * completely is removed again.
 */
export function createPrivateFile(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', PRIVATE_FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throwStorageError(err, dirname(path));
  }
  try {
    writeAll(fd, text);
  } catch (err) {
    closeSync(fd);
    try {
      unlinkSync(path);
    } catch {
      // Already gone: nothing half-made is left.
    }
    throwStorageError(err, dirname(path));
  }
  closeSync(fd);
  return true;
}

/** Options for {@link writeFileAtomic}. */
export interface AtomicWriteOptions {
  /** The new file's mode (default 0600, owner only). */
  mode?: number;
}

/**
 * Flushes a folder's entries (the rename) to the disk. Windows cannot open a
 * folder this way, and some file systems refuse; the rename stands either way.
 */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here: the file itself is already on the disk.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Replaces `path` with `content` (text as UTF-8): a temporary file in the same
 * folder, fsync, rename over the target, fsync the folder. The folder must
 * exist. Throws `storage_full` / `storage_read_only` (see {@link storageError})
 * or the error as it is.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', options.mode ?? PRIVATE_FILE_MODE);
    writeAll(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temp, path);
  } catch (err) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throwStorageError(err, dir);
  }
  syncFolder(dir);
}

/** Replaces `path` with `text` ({@link writeFileAtomic}), creating its folder as 0700 first. */
export function writePrivateFileAtomic(path: string, text: string): void {
  ensurePrivateDir(dirname(path));
  writeFileAtomic(path, text);
}
