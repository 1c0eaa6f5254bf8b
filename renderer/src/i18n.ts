/**
 * The window's words: `t(key, values)` in the active locale. Main sends the locale and its catalogue;
 * until then (and in a stale window) English. Views call `t` each time they render.
 */
import type { WindowLocale } from '../../main/contract/ipc';
import { createTranslator, englishMessages, type Translator } from '../../main/i18n';

let active: Translator = createTranslator('en', englishMessages);

/** Switches the window to the language main chose (its catalogue and date format) and sets `<html lang>`. */
export function setLocale({ locale, messages, formatLocale }: WindowLocale): void {
  active = createTranslator(locale, messages, formatLocale);
  document.documentElement.lang = locale;
}

/** The active translator (its locale, relative times, dates and numbers). */
export function i18n(): Translator {
  return active;
}

/** The sentence for a key in the active locale. */
export const t: Translator['t'] = (key, values) => active.t(key, values);
