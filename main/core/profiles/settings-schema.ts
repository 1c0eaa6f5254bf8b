/**
 * The settings file's shape (non-secret only), validated with zod on every
 * read. Unknown top-level keys (the app's preferences, window state) are kept.
 */
import { z } from 'zod';
import { REDIRECT_MODES, SIGN_IN_KINDS, type Profile } from '../model';

/** Current version of the settings layout. */
export const SETTINGS_SCHEMA_VERSION = 1;

/** One stored profile. */
export const profileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  instanceUrl: z.string().url(),
  clientId: z.string(),
  grant: z.enum(SIGN_IN_KINDS),
  redirectMode: z.enum(REDIRECT_MODES),
  scope: z.string().optional(),
  username: z.string().optional(),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
  production: z.boolean().optional(),
});

/** The whole settings document. Other keys pass through untouched. */
export const settingsSchema = z.looseObject({
  schemaVersion: z.number().int().positive().default(SETTINGS_SCHEMA_VERSION),
  profiles: z.array(profileSchema).default([]),
  activeProfileId: z.string().nullable().default(null),
});

/** Parsed settings. */
export type Settings = z.infer<typeof settingsSchema>;

/** Empty settings for a first start. */
export function emptySettings(): Settings {
  return { schemaVersion: SETTINGS_SCHEMA_VERSION, profiles: [], activeProfileId: null };
}

/** Strips undefined optionals so the stored JSON stays tidy. */
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
  return out;
}
