/**
 * The one rule for "is this stored profile usable", and the one rule for a
 * profile name. Plain code without zod, so that `pmtoken token`'s quick road
 * can apply it without loading the engine. The settings store sets aside every
 * entry this refuses; the registry refuses the same names when they are typed.
 */
import { REDIRECT_MODES, SIGN_IN_KINDS, type Profile } from '../model';

/** Longest profile name, in characters. */
export const PROFILE_NAME_MAX = 80;

/**
 * The characters no name may hold and no output may show raw, as a regex character class: C0 and
 * C1 controls (NUL, BEL, ESC, ...), DEL, the invisible direction marks and overrides, and the
 * line and paragraph separators; each can rewrite a terminal or reorder text. pmtoken escapes the same.
 */
export const UNSAFE_TEXT_CHARS =
  '[\\u0000-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]';
const UNSAFE_IN_NAME = new RegExp(UNSAFE_TEXT_CHARS, 'u');

/** Why `name` cannot be a profile name (a plain sentence), or null when it can. Expects it trimmed. */
export function nameProblem(name: string): string | null {
  if (name === '') return 'Give the profile a name.';
  if (UNSAFE_IN_NAME.test(name)) return 'A profile name cannot contain control characters.';
  if ([...name].length > PROFILE_NAME_MAX)
    return `The profile name is too long (${PROFILE_NAME_MAX} characters at most).`;
  return null;
}

/** A name as it may be shown in a sentence: control characters replaced, length capped. */
export function printableName(name: unknown): string {
  if (typeof name !== 'string') return '';
  const clean = name.replace(new RegExp(UNSAFE_TEXT_CHARS, 'gu'), '?');
  const chars = [...clean];
  return chars.length > PROFILE_NAME_MAX ? `${chars.slice(0, PROFILE_NAME_MAX).join('')}…` : clean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWebAddress(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

const optionalString = (v: unknown) => v === undefined || typeof v === 'string';

/** Why a stored profile entry is not usable (the end of a sentence), or null when it is. */
export function storedProfileProblem(entry: unknown): string | null {
  if (!isRecord(entry)) return 'it is not a profile';
  if (typeof entry.id !== 'string' || entry.id === '') return 'it has no id';
  if (typeof entry.name !== 'string' || nameProblem(entry.name.trim()) !== null || entry.name.trim() !== entry.name)
    return 'its name is empty, too long or holds control characters';
  if (!isWebAddress(entry.instanceUrl)) return 'its server address is not a web address';
  if (typeof entry.clientId !== 'string') return 'its client ID is missing';
  if (!(SIGN_IN_KINDS as readonly string[]).includes(entry.grant as string)) return 'its sign-in type is unknown';
  if (!(REDIRECT_MODES as readonly string[]).includes(entry.redirectMode as string))
    return 'its sign-in return mode is unknown';
  if (!optionalString(entry.scope) || !optionalString(entry.username)) return 'its scope or username is not text';
  if (entry.color !== undefined && !(typeof entry.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(entry.color)))
    return 'its colour is not a colour';
  if (entry.production !== undefined && typeof entry.production !== 'boolean')
    return 'its production mark is not yes or no';
  return null;
}

/** The entry as a {@link Profile} when {@link storedProfileProblem} finds nothing wrong, else null. */
export function asStoredProfile(entry: unknown): Profile | null {
  return storedProfileProblem(entry) === null ? (entry as Profile) : null;
}
