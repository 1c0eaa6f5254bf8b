/**
 * The settings file through electron-store (`<userData>/config.json`, the
 * same file the CLI opens with conf), with a JSON schema and migrations,
 * adapted to core's {@link SettingsFile} port.
 */
import type Conf from 'conf';
import Store, { type Schema } from 'electron-store';
import { SETTINGS_SCHEMA_VERSION } from '../core/settings-schema';
import { backupCorruptFile } from '../core/settings-file';
import type { LogSink, SettingsFile } from '../core/ports';

type SettingsRecord = Record<string, unknown>;

/** A loose schema: core validates profiles in detail with zod on every read. */
const schema: Schema<SettingsRecord> = {
  schemaVersion: { type: 'integer', minimum: 1 },
  profiles: { type: 'array', items: { type: 'object', required: ['id', 'name', 'instanceUrl', 'grant'] } },
  activeProfileId: { type: ['string', 'null'] },
};

/** Keyed by app version; each step must be safe to run on any older file. */
const migrations: Record<string, (store: Conf<SettingsRecord>) => void> = {
  '0.1.0': (store) => {
    if (!store.has('schemaVersion')) store.set('schemaVersion', SETTINGS_SCHEMA_VERSION);
    if (!store.has('profiles')) store.set('profiles', []);
  },
};

function open(): Store<SettingsRecord> {
  return new Store<SettingsRecord>({
    name: 'config',
    schema,
    migrations,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
  });
}

/** Opens the settings; a damaged file is moved aside (kept for the user) and the app starts empty. */
export function createElectronSettingsFile(log: LogSink): SettingsFile<unknown> {
  let store: Store<SettingsRecord>;
  try {
    store = open();
  } catch {
    const probe = new Store<SettingsRecord>({ name: 'config-path-probe' });
    const configPath = probe.path.replace(/config-path-probe\.json$/, 'config.json');
    const backup = backupCorruptFile(configPath);
    log.warn(`The settings file could not be read and was moved aside${backup ? ` to ${backup}` : ''}.`);
    store = open();
  }
  return {
    path: store.path,
    read: () => store.store,
    write: (value) => {
      store.store = value as SettingsRecord;
    },
  };
}
