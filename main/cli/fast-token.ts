/**
 * The quick road for `pmtoken token`: read the settings JSON and the keychain
 * item directly and print a token that is still good, without loading the
 * engine (conf, oauth4webapi, the refresh machinery). Anything unusual (no file, an odd shape,
 * a token close to expiry) returns null and the full engine takes over.
 * Whether a token is usable is core's one rule, not a copy of it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createKeytarSecretStore,
  decideStoredToken,
  isKeychainTimeout,
  parseVaultItem,
  withKeychainTimeLimit,
} from '../core';

interface StoredProfile {
  id: string;
  name: string;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Finds the named (or active) profile in the settings file, or null. */
export function findStoredProfile(configDir: string, nameOrId: string | undefined): StoredProfile | null {
  let settings: Record<string, unknown> | null;
  try {
    settings = record(JSON.parse(readFileSync(join(configDir, 'config.json'), 'utf8')));
  } catch {
    return null;
  }
  const profiles = Array.isArray(settings?.profiles) ? settings.profiles.map(record) : [];
  const valid = profiles.filter(
    (p): p is Record<string, unknown> & StoredProfile => typeof p?.id === 'string' && typeof p.name === 'string',
  );
  if (nameOrId === undefined) {
    const active = valid.find((p) => p.id === settings?.activeProfileId);
    return active ?? null;
  }
  const lower = nameOrId.trim().toLowerCase();
  return valid.find((p) => p.id === nameOrId) ?? valid.find((p) => p.name.toLowerCase() === lower) ?? null;
}

/**
 * The stored access token when core's rule (`decideStoredToken`) lets it out as it is, or null:
 * then the engine takes over (refresh, or the plain error of a signed-out or expired profile).
 * The keychain item goes through the vault's own parser, so an item the engine refuses is refused here too.
 */
export async function fastToken(
  configDir: string,
  nameOrId: string | undefined,
  now: number = Date.now(),
): Promise<string | null> {
  const profile = findStoredProfile(configDir, nameOrId);
  if (!profile) return null;
  let raw: string | null;
  try {
    raw = await withKeychainTimeLimit(createKeytarSecretStore()).get(profile.id);
  } catch (err) {
    // A keychain that did not answer in time would keep the engine waiting as long: say so now.
    if (isKeychainTimeout(err)) throw err;
    return null;
  }
  const decision = decideStoredToken(parseVaultItem(raw), now);
  return decision.action === 'use' ? decision.token : null;
}
