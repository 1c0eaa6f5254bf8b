/**
 * Token Tray's words in English, Spanish, French and German: the catalogues (English is the source),
 * the typed `t(key, values)` over ICU MessageFormat, and the choice of locale. Imports nothing of ours.
 */
export { messagesFor } from './catalogues';
export { englishMessages } from './english';
export { english } from './english-translator';
export {
  LANGUAGE_CHOICES,
  LANGUAGE_NAMES,
  LOCALES,
  resolveLocale,
  supportedLocale,
  type LanguageChoice,
  type Locale,
  type LocaleSources,
} from './locales';
export { createTranslator, type MessageKey, type Messages, type MessageValues, type Translator } from './translator';
