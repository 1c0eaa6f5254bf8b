/**
 * Profile settings: create, change, copy, remove, choose the active one. Only
 * non-secret fields; names are unique regardless of case; ids are random.
 */
import { randomUUID } from 'node:crypto';
import { nextProfileColor, SIGN_IN_KINDS, type NewProfileInput, type Profile, type ProfilePatch } from '../model';
import { TokenTrayError } from '../errors';
import { normaliseInstanceUrl } from './instance-url';
import { nameProblem } from './profile-check';
import { toStoredProfile, type Settings } from './settings-schema';
import type { SettingsStore } from './settings-store';

const GRANTS: ReadonlySet<string> = new Set(SIGN_IN_KINDS);

function cleanName(name: unknown): string {
  // Only spaces are folded: a tab or newline is a control character and is refused with the others.
  const trimmed = typeof name === 'string' ? name.trim().replace(/ +/g, ' ') : '';
  const problem = nameProblem(trimmed);
  if (problem !== null)
    throw new TokenTrayError('invalid_input', problem.key, problem.params ? { params: problem.params } : {});
  return trimmed;
}

function cleanClientId(clientId: string | undefined, grant: Profile['grant']): string {
  const id = (clientId ?? '').trim();
  if (grant === 'personal_access_token') return id;
  if (id === '') throw new TokenTrayError('invalid_input', 'error.client_id.missing');
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(id)) throw new TokenTrayError('invalid_input', 'error.client_id.malformed');
  return id;
}

function cleanColor(color: string | null | undefined): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) throw new TokenTrayError('invalid_input', 'error.color.malformed');
  return color.toLowerCase();
}

function assertUniqueName(settings: Settings, name: string, exceptId?: string): void {
  const clash = settings.profiles.find((p) => p.id !== exceptId && p.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new TokenTrayError('invalid_input', 'error.profile.name_taken', { params: { name: clash.name } });
}

/** Finds a profile by id, or by name (case-insensitive). */
export function findProfile(settings: Settings, idOrName: string): Profile | undefined {
  const byId = settings.profiles.find((p) => p.id === idOrName);
  if (byId) return byId;
  const lower = idOrName.trim().toLowerCase();
  return settings.profiles.find((p) => p.name.toLowerCase() === lower);
}

/** Like {@link findProfile}, throwing `not_found` with the name in the sentence. */
export function requireProfile(settings: Settings, idOrName: string): Profile {
  const found = findProfile(settings, idOrName);
  if (!found) throw new TokenTrayError('not_found', 'error.profile.no_such', { params: { name: idOrName } });
  return found;
}

/** Validates input and stores a new profile; the first one becomes active. */
export function addProfileSettings(store: SettingsStore, input: NewProfileInput): Profile {
  if (!GRANTS.has(input.grant)) throw new TokenTrayError('invalid_input', 'error.profile.choose_kind');
  const name = cleanName(input.name);
  const profile: Profile = {
    id: randomUUID(),
    name,
    instanceUrl: normaliseInstanceUrl(input.instanceUrl, { allowInsecure: input.allowInsecure ?? false }),
    clientId: cleanClientId(input.clientId, input.grant),
    grant: input.grant,
    redirectMode: input.redirectMode === 'loopback' ? 'loopback' : 'app',
  };
  if (input.scope?.trim()) profile.scope = input.scope.trim();
  const color = cleanColor(input.color);
  if (color) profile.color = color;
  if (input.production !== undefined) profile.production = input.production;
  store.update((settings) => {
    assertUniqueName(settings, name);
    // Every profile has its own colour from the start, from the window or the CLI alike.
    profile.color ??= nextProfileColor(settings.profiles);
    settings.profiles.push(toStoredProfile(profile));
    if (!settings.activeProfileId || !settings.profiles.some((p) => p.id === settings.activeProfileId))
      settings.activeProfileId = profile.id;
  });
  return profile;
}

/** Applies a patch to a stored profile. */
export function updateProfileSettings(store: SettingsStore, id: string, patch: ProfilePatch): Profile {
  let updated: Profile | undefined;
  store.update((settings) => {
    const index = settings.profiles.findIndex((p) => p.id === id);
    const current = settings.profiles[index];
    if (!current) throw new TokenTrayError('not_found');
    const next: Profile = { ...current };
    if (patch.name !== undefined) {
      next.name = cleanName(patch.name);
      assertUniqueName(settings, next.name, id);
    }
    if (patch.instanceUrl !== undefined)
      next.instanceUrl = normaliseInstanceUrl(patch.instanceUrl, { allowInsecure: patch.allowInsecure ?? false });
    if (patch.grant !== undefined) {
      if (!GRANTS.has(patch.grant)) throw new TokenTrayError('invalid_input', 'error.profile.choose_kind');
      next.grant = patch.grant;
    }
    if (patch.clientId !== undefined || patch.grant !== undefined)
      next.clientId = cleanClientId(patch.clientId ?? next.clientId, next.grant);
    if (patch.redirectMode !== undefined) next.redirectMode = patch.redirectMode === 'loopback' ? 'loopback' : 'app';
    if (patch.scope !== undefined) {
      if (patch.scope === null || patch.scope.trim() === '') delete next.scope;
      else next.scope = patch.scope.trim();
    }
    if (patch.color !== undefined) {
      const color = cleanColor(patch.color);
      if (color) next.color = color;
      else delete next.color;
    }
    if (patch.production !== undefined) next.production = patch.production;
    settings.profiles[index] = toStoredProfile(next);
    updated = next;
  });
  return updated!;
}

/** Stores a copy of a profile under a new name (settings only; secrets are copied by the engine). */
export function duplicateProfileSettings(store: SettingsStore, id: string, name: string): Profile {
  const copyName = cleanName(name);
  let copy: Profile | undefined;
  store.update((settings) => {
    const source = settings.profiles.find((p) => p.id === id);
    if (!source) throw new TokenTrayError('not_found');
    assertUniqueName(settings, copyName);
    // A copy is a new profile: its own colour, so the two are told apart.
    copy = { ...source, id: randomUUID(), name: copyName, color: nextProfileColor(settings.profiles) };
    delete copy.username;
    // A copy is the person's own, even of a profile the organisation set up.
    delete copy.managed;
    settings.profiles.push(toStoredProfile(copy));
  });
  return copy!;
}

/** Removes a profile's settings; the next profile becomes active if it was. */
export function removeProfileSettings(store: SettingsStore, id: string): void {
  store.update((settings) => {
    if (!settings.profiles.some((p) => p.id === id)) throw new TokenTrayError('not_found');
    settings.profiles = settings.profiles.filter((p) => p.id !== id);
    if (settings.activeProfileId === id) settings.activeProfileId = settings.profiles[0]?.id ?? null;
  });
}

/** Makes a profile the active one. */
export function setActiveProfileSettings(store: SettingsStore, id: string): void {
  store.update((settings) => {
    if (!settings.profiles.some((p) => p.id === id)) throw new TokenTrayError('not_found');
    settings.activeProfileId = id;
  });
}

/** Remembers the username used for the password grant. */
export function rememberUsername(store: SettingsStore, id: string, username: string): void {
  store.update((settings) => {
    const profile = settings.profiles.find((p) => p.id === id);
    if (profile) profile.username = username;
  });
}
