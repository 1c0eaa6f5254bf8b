/** The languages Token Tray speaks, and how one is chosen. */

/** Every locale with a catalogue. English is the source of truth; the others translate it. */
export const LOCALES = ['en', 'es', 'fr', 'de'] as const;
/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];

/** What the Language setting can hold: follow the system, or one locale. */
export const LANGUAGE_CHOICES = ['system', ...LOCALES] as const;
/** One of {@link LANGUAGE_CHOICES}. */
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** Each language named in its own language, as the Language setting lists them. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
  de: 'Deutsch',
};

/** The locale we speak for a BCP 47 tag or POSIX locale ('es-MX', 'de_AT.UTF-8', 'fr'), if any. */
export function supportedLocale(tag: string | undefined | null): Locale | undefined {
  if (!tag) return undefined;
  const language = tag
    .trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return (LOCALES as readonly string[]).includes(language ?? '') ? (language as Locale) : undefined;
}

/** Where the locale may come from, strongest first after the user's own choice. */
export interface LocaleSources {
  /** The Language setting. */
  choice?: LanguageChoice;
  /** An organisation policy's language, when one is set. */
  policy?: string;
  /** The system's preferred languages, most preferred first (Electron's getPreferredSystemLanguages). */
  preferred?: readonly string[];
  /** The process environment, read for LC_ALL, LC_MESSAGES and LANG when the preferred list is empty. */
  env?: Record<string, string | undefined>;
}

/**
 * Picks the locale: the user's choice, else the organisation's policy, else the first preferred
 * system language we speak (by language subtag), else the POSIX environment, else English.
 */
export function resolveLocale(sources: LocaleSources): Locale {
  if (sources.choice && sources.choice !== 'system') return sources.choice;
  const fromPolicy = supportedLocale(sources.policy);
  if (fromPolicy) return fromPolicy;
  for (const tag of sources.preferred ?? []) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  const env = sources.env ?? {};
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    // "C" and "POSIX" mean no language at all; stop at the first variable that is set, as libc does.
    if (value) return supportedLocale(value) ?? 'en';
  }
  return 'en';
}
