/**
 * Validated access to the settings file. Profiles are checked one by one: an
 * entry that does not fit is moved to the file's `setAside` list with a
 * sentence naming it (logged, and listed by {@link setAsideReasons}), and the
 * others keep working. A file that cannot be parsed at all is copied aside by
 * the {@link SettingsFile} itself. A parsed copy is reused while the file's
 * size, time and inode are unchanged (the token path reads settings on every
 * call; another process's write changes the signature).
 */
import { statSync } from 'node:fs';
import type { Profile, SetAsideNote } from '../model';
import { TokenTrayError, hasErrorSentence, type ErrorParams, type ErrorSentenceKey } from '../errors';
import { printableName, storedProfileProblem, type StoredProfileProblem } from './profile-check';
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

const english = (key: ErrorSentenceKey, params: ErrorParams): string =>
  new TokenTrayError('internal', key, { params }).message;

/** A set-aside item with its sentence: the key and values the window says, the English one the file keeps. */
export function setAsideItem(key: ErrorSentenceKey, params: ErrorParams, extra: Partial<SetAsideItem>): SetAsideItem {
  return { at: new Date().toISOString(), reason: english(key, params), note: { key, params }, ...extra };
}

/** The English sentences of everything set aside so far, oldest first (as the file keeps them). */
export function setAsideReasons(settings: Settings): string[] {
  return setAsideNotes(settings).map((note) => note.reason);
}

/** Everything set aside so far, oldest first (items written before notes had keys have only the English). */
export function setAsideNotes(settings: Settings): SetAsideNote[] {
  return (settings.setAside ?? []).flatMap((item): SetAsideNote[] => {
    if (!isRecord(item) || typeof item.reason !== 'string') return [];
    const note = isRecord(item.note) ? item.note : null;
    const key = note && typeof note.key === 'string' && hasErrorSentence(note.key) ? note.key : undefined;
    return key && isRecord(note?.params)
      ? [{ key, params: note.params as ErrorParams, reason: item.reason }]
      : [{ reason: item.reason }];
  });
}

/** Whether the organisation lets Token Tray connect to a server (its AllowedServers policy). */
export type ServerCheck = (instanceUrl: string) => boolean;

/** The host of a stored address, for a sentence (the address itself when it does not parse). */
function hostOf(instanceUrl: string): string {
  try {
    return new URL(instanceUrl).host;
  } catch {
    return instanceUrl;
  }
}

/** Splits the stored entries into usable profiles and ones to set aside. */
function sortProfiles(
  value: unknown,
  path: string,
  isServerAllowed: ServerCheck,
): { kept: Profile[]; aside: SetAsideItem[] } {
  if (value === undefined) return { kept: [], aside: [] };
  if (!Array.isArray(value))
    return { kept: [], aside: [setAsideItem('error.set_aside.list', { path }, { profile: value })] };
  const kept: Profile[] = [];
  const aside: SetAsideItem[] = [];
  const ids = new Set<string>();
  const names = new Set<string>();
  value.forEach((entry: unknown, index) => {
    let problem: StoredProfileProblem | null = storedProfileProblem(entry);
    const profile = entry as Profile;
    if (problem === null && ids.has(profile.id)) problem = 'same_id';
    if (problem === null && names.has(profile.name.toLowerCase())) problem = 'same_name';
    if (problem !== null) {
      const name = printableName(isRecord(entry) ? entry.name : undefined);
      aside.push(
        name
          ? setAsideItem('error.set_aside.named', { name, problem, path }, { profile: entry })
          : setAsideItem('error.set_aside.numbered', { number: index + 1, problem, path }, { profile: entry }),
      );
      return;
    }
    // A server the organisation no longer allows: the profile is kept under setAside, never used.
    if (!isServerAllowed(profile.instanceUrl)) {
      const name = printableName(profile.name);
      const host = hostOf(profile.instanceUrl);
      aside.push(setAsideItem('error.set_aside.server_not_allowed', { name, host, path }, { profile: entry }));
      return;
    }
    ids.add(profile.id);
    names.add(profile.name.toLowerCase());
    kept.push(toStoredProfile(profile));
  });
  return { kept, aside };
}

/**
 * Wraps a raw {@link SettingsFile} with validation and set-aside recovery. `isServerAllowed` is the
 * organisation's AllowedServers (asked on every load, since the policy may change while the file does not).
 */
export function createSettingsStore(
  file: SettingsFile<unknown>,
  log?: LogSink,
  isServerAllowed: ServerCheck = () => true,
): SettingsStore {
  let cached: { signature: string; settings: Settings } | null = null;

  const parse = (): Settings => {
    const read = file.read();
    const raw = isRecord(read) ? read : {};
    const { setAside: before, ...top } = settingsSchema.parse(raw);
    const { kept, aside } = sortProfiles(raw.profiles, file.path, isServerAllowed);
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
    if (
      before !== null &&
      cached?.signature === before &&
      cached.settings.profiles.every((p) => isServerAllowed(p.instanceUrl))
    )
      return cached.settings;
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
