/**
 * Which language the window, the tray and the notifications speak, and its translator. The user's
 * choice in Settings wins, then the organisation's Language policy, then the system's preferred
 * languages (Electron's getPreferredSystemLanguages, which can be empty on Linux), then LANG.
 */
import { createTranslator, messagesFor, resolveLocale, type LanguageChoice, type Translator } from '../i18n';

/** Where the language comes from; each is read again on {@link AppLanguage.current}. */
export interface LanguageSources {
  choice(): LanguageChoice;
  policy(): string | undefined;
  /** The system's preferred languages, most preferred first ('de-AT', 'en-GB'). */
  preferred(): readonly string[];
  env: Record<string, string | undefined>;
}

/** The app's language. */
export interface AppLanguage {
  /** The translator for the language chosen now (the same object while nothing changed). */
  current(): Translator;
}

/**
 * The tag dates and numbers follow: the first system language (or LANG) of the chosen language,
 * so British English gets 24-hour times while the words stay English.
 */
function formatTagFor(locale: string, sources: LanguageSources): string | undefined {
  const env = sources.env;
  const posix = env.LC_ALL || env.LC_TIME || env.LANG;
  const tags = [...sources.preferred(), ...(posix ? [posix] : [])];
  return tags.find((tag) => tag.toLowerCase().split(/[-_.@]/)[0] === locale);
}

/** Makes the app's language over its sources. */
export function createAppLanguage(sources: LanguageSources): AppLanguage {
  let cached: { key: string; translator: Translator } | null = null;
  return {
    current() {
      const locale = resolveLocale({
        choice: sources.choice(),
        policy: sources.policy(),
        preferred: sources.preferred(),
        env: sources.env,
      });
      const formatTag = formatTagFor(locale, sources);
      const key = `${locale}|${formatTag ?? ''}`;
      if (cached?.key !== key) cached = { key, translator: createTranslator(locale, messagesFor(locale), formatTag) };
      return cached.translator;
    },
  };
}
