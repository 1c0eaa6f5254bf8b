/**
 * The settings file's shape (non-secret only). Profiles are checked one by one
 * ({@link storedProfileProblem}), so one that does not fit is set aside without
 * hiding the others; top-level fields that do not fit fall back to their
 * defaults. Unknown top-level keys (the app's preferences, window state) are kept.
 */
import * as z from 'zod/mini';
import type { Profile } from '../model';

/** Current version of the settings layout. */
export const SETTINGS_SCHEMA_VERSION = 1;

/**
 * Something the settings store put aside rather than use: a profile entry that
 * does not fit (kept as it was, under `profile`), or a settings file that could
 * not be read at all (kept as a copy, at `copy`). `reason` is the plain sentence.
 */
export interface SetAsideItem {
  /** When, as an ISO date. */
  at: string;
  /** The English sentence (for whoever reads the file). */
  reason: string;
  /** The sentence's key and values in the errors catalogue, which the window says in its language. */
  note?: { key: string; params: Record<string, string | number> };
  profile?: unknown;
  copy?: string;
}

/** The top-level fields; `profiles` are checked by the store, entry by entry. */
export const settingsSchema = z.looseObject({
  schemaVersion: z.catch(z._default(z.int().check(z.positive()), SETTINGS_SCHEMA_VERSION), SETTINGS_SCHEMA_VERSION),
  activeProfileId: z.catch(z._default(z.nullable(z.string()), null), null),
  setAside: z.catch(z.optional(z.array(z.unknown())), undefined),
});

/** Parsed settings; other top-level keys pass through untouched. */
export interface Settings {
  schemaVersion: number;
  profiles: Profile[];
  activeProfileId: string | null;
  /** What was set aside ({@link SetAsideItem}s as stored), oldest first; absent when nothing was. */
  setAside?: unknown[];
  [key: string]: unknown;
}

/** Empty settings for a first start. */
export function emptySettings(): Settings {
  return { schemaVersion: SETTINGS_SCHEMA_VERSION, profiles: [], activeProfileId: null };
}

/** Strips undefined optionals and unknown keys so the stored JSON stays tidy. */
export function toStoredProfile(profile: Profile): Profile {
  const out: Profile = {
    id: profile.id,
    name: profile.name,
    instanceUrl: profile.instanceUrl,
    clientId: profile.clientId,
    grant: profile.grant,
    redirectMode: profile.redirectMode,
  };
  if (profile.scope !== undefined) out.scope = profile.scope;
  if (profile.username !== undefined) out.username = profile.username;
  if (profile.color !== undefined) out.color = profile.color;
  if (profile.production !== undefined) out.production = profile.production;
  if (profile.managed === true) out.managed = true;
  return out;
}
