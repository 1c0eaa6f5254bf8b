/**
 * The one rule for "is this stored profile usable", and the one rule for a
 * profile name. Plain code without zod, so that `pmtoken token`'s quick road
 * can apply it without loading the engine. The settings store sets aside every
 * entry this refuses; the registry refuses the same names when they are typed.
 */
import type { ErrorParams, ErrorSentenceKey } from '../errors';
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

/** Why a name cannot be a profile name: the errors catalogue's sentence and its values. */
export interface NameProblem {
  key: ErrorSentenceKey;
  params?: ErrorParams;
}

/** Why `name` cannot be a profile name, or null when it can. Expects it trimmed. */
export function nameProblem(name: string): NameProblem | null {
  if (name === '') return { key: 'error.profile.name_empty' };
  if (UNSAFE_IN_NAME.test(name)) return { key: 'error.profile.name_control' };
  if ([...name].length > PROFILE_NAME_MAX)
    return { key: 'error.profile.name_too_long', params: { max: PROFILE_NAME_MAX } };
  return null;
}

/**
 * Letters of other alphabets that look like Latin ones (after Unicode's confusables, UTS #39), for
 * telling that a new name only looks like an existing one: "Мine" (Cyrillic М) beside "Mine".
 */
const LOOKALIKE_FROM = 'авезіјкмнопрстухѕԁԛԝӏьαβεζηικμνορτυχω';
const LOOKALIKE_TO = 'abe3ijkmhonpctyxsdqwlbabeznikmvoptuxw';
const LOOKALIKE_LETTERS = new Map(
  [...LOOKALIKE_FROM].flatMap((c, i) => [
    [c, LOOKALIKE_TO[i]!],
    [c.toUpperCase(), LOOKALIKE_TO[i]!],
  ]),
);

/**
 * A name reduced to how it looks: lower case, look-alike letters of other alphabets as the Latin ones
 * they resemble, accents dropped. Two names with the same key read the same to a person.
 */
export function nameLookalikeKey(name: string): string {
  return [...name.normalize('NFKD').replace(/\p{M}/gu, '')]
    .map((c) => LOOKALIKE_LETTERS.get(c) ?? c.toLowerCase())
    .join('')
    .replace(/[1|]/g, 'l')
    .replace(/0/g, 'o');
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

/** Why a stored profile entry can be unusable; the set-aside sentence names each one. */
export const STORED_PROFILE_PROBLEMS = [
  'not_profile',
  'no_id',
  'bad_name',
  'bad_address',
  'no_client',
  'bad_kind',
  'bad_redirect',
  'bad_text',
  'bad_color',
  'bad_production',
  'bad_managed',
  'same_id',
  'same_name',
] as const;
/** One of {@link STORED_PROFILE_PROBLEMS}. */
export type StoredProfileProblem = (typeof STORED_PROFILE_PROBLEMS)[number];

/** Why a stored profile entry is not usable, or null when it is. */
export function storedProfileProblem(entry: unknown): StoredProfileProblem | null {
  if (!isRecord(entry)) return 'not_profile';
  if (typeof entry.id !== 'string' || entry.id === '') return 'no_id';
  if (typeof entry.name !== 'string' || nameProblem(entry.name.trim()) !== null || entry.name.trim() !== entry.name)
    return 'bad_name';
  if (!isWebAddress(entry.instanceUrl)) return 'bad_address';
  if (typeof entry.clientId !== 'string') return 'no_client';
  if (!(SIGN_IN_KINDS as readonly string[]).includes(entry.grant as string)) return 'bad_kind';
  if (!(REDIRECT_MODES as readonly string[]).includes(entry.redirectMode as string)) return 'bad_redirect';
  if (!optionalString(entry.scope) || !optionalString(entry.username)) return 'bad_text';
  if (entry.color !== undefined && !(typeof entry.color === 'string' && /^#[0-9a-fA-F]{6}$/.test(entry.color)))
    return 'bad_color';
  if (entry.production !== undefined && typeof entry.production !== 'boolean') return 'bad_production';
  if (entry.managed !== undefined && typeof entry.managed !== 'boolean') return 'bad_managed';
  return null;
}

/** The entry as a {@link Profile} when {@link storedProfileProblem} finds nothing wrong, else null. */
export function asStoredProfile(entry: unknown): Profile | null {
  return storedProfileProblem(entry) === null ? (entry as Profile) : null;
}
