/**
 * The settings file through electron-store (`<userData>/config.json`, the
 * same file the CLI opens with conf), with a JSON schema and migrations,
 * adapted to core's {@link SettingsFile} port.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Conf from 'conf';
import { app } from 'electron';
import Store, { type Schema } from 'electron-store';
import { SETTINGS_SCHEMA_VERSION } from '../core';
import { backupCorruptFile } from '../core';
import type { LogSink, SettingsFile } from '../core';

type SettingsRecord = Record<string, unknown>;

/**
 * A deliberately loose schema (top-level types only): core validates every
 * profile with zod on each read, and a stricter schema here could refuse a
 * file the CLI wrote and lose the user's profiles.
 */
const schema: Schema<SettingsRecord> = {
  schemaVersion: { type: 'integer', minimum: 1 },
  profiles: { type: 'array', items: { type: 'object' } },
  activeProfileId: { type: ['string', 'null'] },
};

/** Keyed by app version; each step must be safe to run on any older file. */
const migrations: Record<string, (store: Conf<SettingsRecord>) => void> = {
  '0.1.0': (store) => {
    if (!store.has('schemaVersion')) store.set('schemaVersion', SETTINGS_SCHEMA_VERSION);
    if (!store.has('profiles')) store.set('profiles', []);
  },
};

function open(withSchema: boolean): Store<SettingsRecord> {
  return new Store<SettingsRecord>({
    name: 'config',
    ...(withSchema ? { schema } : {}),
    migrations,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
  });
}

function isJson(file: string): boolean {
  try {
    JSON.parse(readFileSync(file, 'utf8'));
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/**
 * Opens the settings. A file that is not JSON is moved aside (kept for the
 * user) and the app starts empty; JSON the schema refuses is still opened,
 * without the schema, so no profile is lost (core validates it anyway).
 */
export function createElectronSettingsFile(log: LogSink): SettingsFile<unknown> {
  let store: Store<SettingsRecord>;
  try {
    store = open(true);
  } catch {
    const configPath = join(app.getPath('userData'), 'config.json');
    if (isJson(configPath)) {
      log.warn('The settings file does not match the expected layout; opening it without the schema.');
      store = open(false);
    } else {
      const backup = backupCorruptFile(configPath);
      log.warn(`The settings file could not be read and was moved aside${backup ? ` to ${backup}` : ''}.`);
      store = open(true);
    }
  }
  return {
    path: store.path,
    read: () => store.store,
    write: (value) => {
      store.store = value as SettingsRecord;
    },
  };
}
