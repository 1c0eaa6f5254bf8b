/**
 * Files in the settings folder, private to the user whatever the umask: the
 * folder 0700, every file 0600. A file is replaced by writing a temporary file
 * beside it and renaming it over the old name; rename replaces a symbolic link
 * itself, so a write never goes through a link to some other file. A disk that
 * is full or read-only becomes `storage_full` or `storage_read_only`, and no
 * half-written file is left behind.
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

/** Writes `text` to `fd` completely. */
function writeAll(fd: number, text: string): void {
  const data = Buffer.from(text, 'utf8');
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

/** Replaces `path` with `text` atomically (temporary file in the same folder, then rename), 0600. */
export function writePrivateFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  ensurePrivateDir(dir);
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
  let fd: number | null = null;
  try {
    fd = openSync(temp, 'wx', PRIVATE_FILE_MODE);
    writeAll(fd, text);
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
}
