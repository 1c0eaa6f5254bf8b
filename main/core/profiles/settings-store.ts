/**
 * Validated access to the settings file. Profiles are checked one by one: an
 * entry that does not fit is moved to the file's `setAside` list with a plain
 * sentence naming it (logged, and listed by {@link setAsideReasons}), and the
 * others keep working. A file that cannot be parsed at all is copied aside by
 * the {@link SettingsFile} itself. A parsed copy is reused while the file's
 * size, time and inode are unchanged (the token path reads settings on every
 * call; another process's write changes the signature).
 */
import { statSync } from 'node:fs';
import type { Profile } from '../model';
import { printableName, storedProfileProblem } from './profile-check';
import { settingsSchema, toStoredProfile, type SetAsideItem, type Settings } from './settings-schema';
import type { LogSink, SettingsFile } from '../ports';

/** Reads and updates the settings. */
export interface SettingsStore {
  /** The current settings; treat as read-only (change them through `update`). */
  load(): Settings;
  /** Read, change, write; returns the written settings. */
  update(change: (current: Settings) => Settings | void): Settings;
  readonly path: string;
}

/**
 * What identifies one version of the file. Every write here is an atomic rename, so a new version
 * has a new inode; size and times catch an edit in place. A plain stat (not `bigint`, and no
 * exception for a missing file) is a third of the cost, measured in the console GET row's profile.
 */
function signatureOf(path: string): string | null {
  const st = statSync(path, { throwIfNoEntry: false });
  return st ? `${st.ino}:${st.size}:${st.mtimeMs}:${st.ctimeMs}` : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plain sentences of everything set aside so far, oldest first. */
export function setAsideReasons(settings: Settings): string[] {
  return (settings.setAside ?? []).flatMap((item) =>
    isRecord(item) && typeof item.reason === 'string' ? [item.reason] : [],
  );
}

function describe(entry: unknown, index: number): string {
  const name = printableName(isRecord(entry) ? entry.name : undefined);
  return name ? `The profile “${name}”` : `Profile number ${index + 1}`;
}

/** Splits the stored entries into usable profiles and ones to set aside. */
function sortProfiles(value: unknown, path: string): { kept: Profile[]; aside: SetAsideItem[] } {
  const at = new Date().toISOString();
  const where = `Its settings are kept under "setAside" in ${path}.`;
  if (value === undefined) return { kept: [], aside: [] };
  if (!Array.isArray(value)) {
    const reason = `The list of profiles in the settings was damaged and was set aside. ${where}`;
    return { kept: [], aside: [{ at, reason, profile: value }] };
  }
  const kept: Profile[] = [];
  const aside: SetAsideItem[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  value.forEach((entry: unknown, index) => {
    let problem = storedProfileProblem(entry);
    const profile = entry as Profile;
    if (problem === null && ids.has(profile.id)) problem = 'another profile has the same id';
    if (problem === null && names.has(profile.name.toLowerCase())) problem = 'another profile has the same name';
    if (problem !== null) {
      const reason = `${describe(entry, index)} was set aside because ${problem}; the other profiles keep working. ${where}`;
      aside.push({ at, reason, profile: entry });
      return;
    }
    ids.add(profile.id);
    names.add(profile.name.toLowerCase());
    kept.push(toStoredProfile(profile));
  });
  return { kept, aside };
}

/** Wraps a raw {@link SettingsFile} with validation and set-aside recovery. */
export function createSettingsStore(file: SettingsFile<unknown>, log?: LogSink): SettingsStore {
  let cached: { signature: string; settings: Settings } | null = null;

  const parse = (): Settings => {
    const read = file.read();
    const raw = isRecord(read) ? read : {};
    const { setAside: before, ...top } = settingsSchema.parse(raw);
    const { kept, aside } = sortProfiles(raw.profiles, file.path);
    const settings: Settings = { ...top, profiles: kept };
    if (before !== undefined || aside.length > 0) settings.setAside = [...(before ?? []), ...aside];
    if (aside.length === 0) return settings;
    for (const item of aside) log?.warn(item.reason);
    try {
      file.write(settings);
    } catch {
      log?.warn('The settings could not be saved after setting a profile aside; it stays unused for now.');
    }
    return settings;
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
