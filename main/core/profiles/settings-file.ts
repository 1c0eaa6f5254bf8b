/**
 * The default {@link SettingsFile}: `conf` writing `<configDir>/config.json`,
 * the same file electron-store writes in the app (`<userData>/config.json`).
 * conf writes atomically (temp file + rename). A file that is not JSON is
 * moved aside to `config.corrupt-<time>.json` and the app starts empty.
 */
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Conf from 'conf';
import type { SettingsFile } from '../ports';

/** Moves an unreadable settings file aside, keeping it for the user; returns the backup path or null. */
export function backupCorruptFile(path: string, now: number = Date.now()): string | null {
  if (!existsSync(path)) return null;
  const stem = basename(path).replace(/\.json$/, '');
  const backup = join(dirname(path), `${stem}.corrupt-${now}.json`);
  try {
    renameSync(path, backup);
  } catch {
    try {
      copyFileSync(path, backup);
    } catch {
      return null;
    }
  }
  return backup;
}

function isJsonObjectFile(path: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** Opens `<configDir>/config.json` with conf. */
export function createConfSettingsFile(configDir: string): SettingsFile<unknown> {
  const path = join(configDir, 'config.json');
  if (!isJsonObjectFile(path)) backupCorruptFile(path);
  const conf = new Conf<Record<string, unknown>>({
    cwd: configDir,
    configName: 'config',
    accessPropertiesByDotNotation: false,
  });
  return {
    path: conf.path,
    read(): unknown {
      try {
        return conf.store;
      } catch {
        // Not JSON any more (edited by hand, or a disk problem): keep it aside and start empty.
        backupCorruptFile(conf.path);
        return {};
      }
    },
    write(value: unknown): void {
      conf.store = value as Record<string, unknown>;
    },
  };
}
