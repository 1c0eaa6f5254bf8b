/**
 * The window's words: `t(key, values)` in the active locale. Main sends the locale and its catalogue;
 * until then (and in a stale window) English. Views call `t` each time they render.
 */
import { createTranslator, englishMessages, type Locale, type Messages, type Translator } from '../../main/i18n';

let active: Translator = createTranslator('en', englishMessages);

/** Switches the window to another locale's catalogue and sets `<html lang>`. */
export function setLocale(locale: Locale, messages: Messages): void {
  active = createTranslator(locale, messages);
  document.documentElement.lang = locale;
}

/** The active translator (its locale, relative times, dates and numbers). */
export function i18n(): Translator {
  return active;
}

/** The sentence for a key in the active locale. */
export const t: Translator['t'] = (key, values) => active.t(key, values);
