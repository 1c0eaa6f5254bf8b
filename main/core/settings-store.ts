/**
 * Validated access to the settings file: every read parses with zod; content
 * that does not fit is kept aside as a backup and replaced by empty settings,
 * so a damaged file never stops the app.
 */
import { backupCorruptFile } from './settings-file';
import { emptySettings, settingsSchema, type Settings } from './settings-schema';
import type { LogSink, SettingsFile } from './ports';

/** Reads and updates the settings. */
export interface SettingsStore {
  load(): Settings;
  /** Read, change, write; returns the written settings. */
  update(change: (current: Settings) => Settings | void): Settings;
  readonly path: string;
}

/** Wraps a raw {@link SettingsFile} with validation and corrupt-file recovery. */
export function createSettingsStore(file: SettingsFile<unknown>, log?: LogSink): SettingsStore {
  const load = (): Settings => {
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
  return {
    path: file.path,
    load,
    update(change) {
      const current = load();
      const next = change(current) ?? current;
      file.write(next);
      return next;
    },
  };
}
