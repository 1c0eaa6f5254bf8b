/**
 * App-wide preferences ({@link AppPreferences}) in `<configDir>/preferences.json`.
 * Every value is validated; a damaged or hand-edited file falls back to the
 * default for each bad field rather than failing start-up. Writes go through
 * core's careful writer (temporary file, fsync, rename) so a crash never leaves half a file.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AppPreferences, PreferenceSources } from '../contract/ipc';
import { THEMES } from '../core';
import { LANGUAGE_CHOICES } from '../i18n';
import { TokenTrayError, writeFileAtomic, type ErrorSentenceKey } from '../core';

/** Values used when a preference was never set (or the stored one is not valid). */
export const defaultPreferences: Readonly<AppPreferences> = Object.freeze({
  clipboardClearSeconds: 60,
  launchAtLogin: false,
  copyShortcut: null,
  theme: 'system',
  language: 'system',
});

const modifiers = new Set([
  'command',
  'cmd',
  'control',
  'ctrl',
  'commandorcontrol',
  'cmdorctrl',
  'alt',
  'option',
  'altgr',
  'shift',
  'super',
  'meta',
]);
const keyPattern =
  /^([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Tab|Backspace|Delete|Insert|Return|Enter|Up|Down|Left|Right|Home|End|PageUp|PageDown|Escape|Esc|Plus|[-=[\];',./`\\])$/i;

/**
 * True for an Electron accelerator with at least one modifier and one key,
 * e.g. `CommandOrControl+Shift+T`. A global shortcut without a modifier
 * would take a plain key away from every other app, so it is refused.
 */
export function isValidAccelerator(value: string): boolean {
  const parts = value.split('+');
  const key = parts.pop();
  if (!key || parts.length === 0) return false;
  const lower = parts.map((p) => p.toLowerCase());
  if (new Set(lower).size !== lower.length) return false;
  return lower.every((p) => modifiers.has(p)) && keyPattern.test(key);
}

const preferenceFields = {
  clipboardClearSeconds: z.number().int().min(0).max(3600),
  launchAtLogin: z.boolean(),
  copyShortcut: z.string().max(64).refine(isValidAccelerator).nullable(),
  theme: z.enum(THEMES),
  language: z.enum(LANGUAGE_CHOICES),
} as const;

/** Validates a change to the preferences (unknown keys are refused). */
export const preferencesPatchSchema = z.strictObject({
  clipboardClearSeconds: preferenceFields.clipboardClearSeconds.optional(),
  launchAtLogin: preferenceFields.launchAtLogin.optional(),
  copyShortcut: preferenceFields.copyShortcut.optional(),
  theme: preferenceFields.theme.optional(),
  language: preferenceFields.language.optional(),
}) satisfies z.ZodType<Partial<AppPreferences>>;

/** The sentence (errors catalogue) for each preference that can be wrong. */
const fieldProblems: Record<keyof AppPreferences, ErrorSentenceKey> = {
  clipboardClearSeconds: 'error.preferences.clipboard',
  launchAtLogin: 'error.preferences.launch_at_login',
  copyShortcut: 'error.preferences.shortcut',
  theme: 'error.preferences.theme',
  language: 'error.preferences.language',
};

/** The sentence for a problem with preference `field` (an unknown name gets its own). */
export function describePreferenceProblem(field: PropertyKey | undefined): ErrorSentenceKey {
  if (typeof field === 'string' && Object.hasOwn(fieldProblems, field))
    return fieldProblems[field as keyof AppPreferences];
  return 'error.preferences.unknown';
}

function firstField(error: z.ZodError): PropertyKey | undefined {
  const issue = error.issues[0];
  // An unknown key is reported on the object, with the key's name in `keys`.
  if (issue?.code === 'unrecognized_keys') return undefined;
  return issue?.path[0];
}

/** Reads and changes the preferences. */
export interface PreferencesStore {
  /** The current preferences (a copy). */
  get(): AppPreferences;
  /** Validates and saves a change; throws `invalid_input` with a plain sentence. Returns the new preferences. */
  update(patch: Partial<AppPreferences>): AppPreferences;
  /** Where each value comes from: the person's choice, the organisation's Defaults, or Token Tray's own. */
  sources(): PreferenceSources;
  /** Called after each saved change; returns an unsubscribe function. */
  onChange(listener: (preferences: AppPreferences) => void): () => void;
  readonly path: string;
}

/** The valid fields of a stored or provisioned set of preferences; the others are left out. */
export function validPreferences(raw: unknown): Partial<AppPreferences> {
  const out: Partial<AppPreferences> = {};
  if (typeof raw !== 'object' || raw === null) return out;
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(preferenceFields) as Array<keyof AppPreferences>) {
    const parsed = preferenceFields[key].safeParse(record[key]);
    if (parsed.success) (out as Record<string, unknown>)[key] = parsed.data;
  }
  return out;
}

/** Keeps each stored field that is valid and replaces the rest with its default. */
export function sanitizePreferences(raw: unknown): AppPreferences {
  return { ...defaultPreferences, ...validPreferences(raw) };
}

/**
 * Opens the preferences in `configDir` (created when missing). The file holds only what the person
 * chose; what they did not choose comes from `provisioned` (the organisation's `Defaults` policy,
 * which they may change, read at each call) and then from the built-in defaults.
 */
export function createPreferencesStore(
  configDir: string,
  options: { provisioned?: () => unknown } = {},
): PreferencesStore {
  const path = join(configDir, 'preferences.json');
  const listeners = new Set<(preferences: AppPreferences) => void>();
  let chosen = load();
  const current = (): AppPreferences => ({
    ...defaultPreferences,
    ...validPreferences(options.provisioned?.()),
    ...chosen,
  });

  function load(): Partial<AppPreferences> {
    try {
      return validPreferences(JSON.parse(readFileSync(path, 'utf8')));
    } catch {
      // Missing or unreadable: start from the defaults; the next save repairs the file.
      return {};
    }
  }

  return {
    path,
    get: () => current(),
    sources() {
      const provisioned = validPreferences(options.provisioned?.());
      const keys = Object.keys(defaultPreferences) as Array<keyof AppPreferences>;
      return Object.fromEntries(
        keys.map((key) => [key, key in chosen ? 'you' : key in provisioned ? 'organization' : 'default']),
      ) as PreferenceSources;
    },
    update(patch) {
      const parsed = preferencesPatchSchema.safeParse(patch);
      if (!parsed.success)
        throw new TokenTrayError('invalid_input', describePreferenceProblem(firstField(parsed.error)));
      const next: Partial<AppPreferences> = { ...chosen };
      for (const [key, value] of Object.entries(parsed.data)) {
        if (value !== undefined) (next as Record<string, unknown>)[key] = value;
      }
      mkdirSync(configDir, { recursive: true });
      writeFileAtomic(path, `${JSON.stringify(next, null, 2)}\n`);
      chosen = next;
      const now = current();
      for (const listener of listeners) listener({ ...now });
      return now;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
