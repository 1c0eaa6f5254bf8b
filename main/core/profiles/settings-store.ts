/**
 * Validated access to the settings file: every read parses with zod; content
 * that does not fit is kept aside as a backup and replaced by empty settings,
 * so a damaged file never stops the app. A parsed copy is reused while the
 * file's size, time and inode are unchanged (the token path reads settings on
 * every call; another process's write changes the signature).
 */
import { statSync } from 'node:fs';
import { backupCorruptFile } from './settings-file';
import { emptySettings, settingsSchema, type Settings } from './settings-schema';
import type { LogSink, SettingsFile } from '../ports';

/** Reads and updates the settings. */
export interface SettingsStore {
  /** The current settings; treat as read-only (change them through `update`). */
  load(): Settings;
  /** Read, change, write; returns the written settings. */
  update(change: (current: Settings) => Settings | void): Settings;
  readonly path: string;
}

function signatureOf(path: string): string | null {
  try {
    const st = statSync(path, { bigint: true });
    return `${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch {
    return null;
  }
}

/** Wraps a raw {@link SettingsFile} with validation and corrupt-file recovery. */
export function createSettingsStore(file: SettingsFile<unknown>, log?: LogSink): SettingsStore {
  let cached: { signature: string; settings: Settings } | null = null;

  const parse = (): Settings => {
    const raw = file.read();
    const isEmpty = typeof raw === 'object' && raw !== null && Object.keys(raw).length === 0;
    if (raw === undefined || raw === null || isEmpty) return emptySettings();
    const parsed = settingsSchema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const backup = backupCorruptFile(file.path);
    log?.warn(
      `The settings file could not be read and was kept aside${backup ? ` as ${backup}` : ''}; starting with empty settings.`,
    );
    const fresh = emptySettings();
    file.write(fresh);
    return fresh;
  };

  const load = (): Settings => {
    const before = signatureOf(file.path);
    if (before !== null && cached?.signature === before) return cached.settings;
    const settings = parse();
    const after = signatureOf(file.path);
    cached = after !== null && after === before ? { signature: after, settings } : null;
    return settings;
  };

  return {
    path: file.path,
    load,
    update(change) {
      const current = structuredClone(load());
      const next = change(current) ?? current;
      file.write(next);
      cached = null;
      return next;
    },
  };
}
