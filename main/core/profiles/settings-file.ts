/**
 * The settings file `<configDir>/config.json`, shared by the app and `pmtoken`.
 * Written atomically inside the settings folder (temporary file, then rename),
 * never through a symbolic link, 0600 in a 0700 folder (see core/files).
 * A file that cannot be parsed at all is moved aside to
 * `config.corrupt-<time>.json` and the settings start again with a note saying
 * where the copy is.
 */
import { chmodSync, lstatSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TokenTrayError } from '../errors';
import type { LogSink, SettingsFile } from '../ports';
import { ensurePrivateDir, PRIVATE_FILE_MODE, throwStorageError, writePrivateFileAtomic } from '../files';
import { setAsideItem } from './settings-store';

/** Moves an unreadable settings file aside, keeping it for the user; returns the backup path or null. */
export function backupCorruptFile(path: string, now: number = Date.now()): string | null {
  const stem = basename(path).replace(/\.json$/, '');
  const backup = join(dirname(path), `${stem}.corrupt-${now}.json`);
  try {
    renameSync(path, backup);
    // The copy keeps the file's old mode; make it private too (never through a link).
    if (lstatSync(backup).isFile()) chmodSync(backup, PRIVATE_FILE_MODE);
  } catch {
    return null;
  }
  return backup;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Opens `<configDir>/config.json`; `log` hears when the file had to be set aside. */
export function createSettingsFile(configDir: string, log?: LogSink): SettingsFile<unknown> {
  const path = join(configDir, 'config.json');
  try {
    ensurePrivateDir(configDir);
  } catch {
    // A read-only folder can still be read; writing will say what is wrong.
  }
  const write = (value: unknown): void => writePrivateFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);

  const setAsideWholeFile = (): Record<string, unknown> => {
    const copy = backupCorruptFile(path);
    const item = copy
      ? setAsideItem('error.set_aside.file_copied', { copy }, { copy })
      : setAsideItem('error.set_aside.file_stuck', { path }, {});
    log?.warn(item.reason);
    const fresh = { setAside: [item] };
    try {
      if (copy) write(fresh);
    } catch {
      // The note stays in memory for now; the copy is on disk either way.
    }
    return fresh;
  };

  return {
    path,
    read(): unknown {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return {};
        // A folder (or the settings folder a file) where the file should be: said plainly, never moved.
        if (code === 'EISDIR' || code === 'ENOTDIR')
          throw new TokenTrayError('storage_read_only', 'error.settings_file.not_a_file', {
            params: { path },
            next: 'error.settings_file.not_a_file.next',
            cause: err,
          });
        throwStorageError(err, configDir);
      }
      if (text.trim() === '') return {};
      try {
        const parsed: unknown = JSON.parse(text);
        if (isJsonObject(parsed)) return parsed;
      } catch {
        // Not JSON (edited by hand, or a disk problem): set aside below.
      }
      return setAsideWholeFile();
    },
    write,
  };
}
