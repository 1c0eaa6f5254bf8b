/**
 * The quick road for `pmtoken token`: read the settings JSON and the keychain
 * item directly and print a token that is still good, without loading the
 * engine (zod, conf, oauth4webapi). Anything unusual (no file, an odd shape,
 * a token close to expiry) returns null and the full engine takes over.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKeytarSecretStore } from '../core';

/** Same margin as core's `MIN_VALIDITY_MS` (main/core/refresh.ts); a test keeps them equal. */
export const FAST_MIN_VALIDITY_MS = 60_000;

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

/** A stored access token that is good for at least another minute, or null. */
export async function fastToken(
  configDir: string,
  nameOrId: string | undefined,
  now: number = Date.now(),
): Promise<string | null> {
  const profile = findStoredProfile(configDir, nameOrId);
  if (!profile) return null;
  let item: Record<string, unknown> | null;
  try {
    const raw = await createKeytarSecretStore().get(profile.id);
    item = raw ? record(JSON.parse(raw)) : null;
  } catch {
    return null;
  }
  const token = item?.accessToken;
  if (!item || typeof token !== 'string' || token === '') return null;
  if (item.kind === 'personal_access_token') return token;
  if (item.kind !== 'oauth') return null;
  const expiresAt = item.expiresAt;
  if (expiresAt === null || expiresAt === undefined) return token;
  return typeof expiresAt === 'number' && expiresAt - now >= FAST_MIN_VALIDITY_MS ? token : null;
}
