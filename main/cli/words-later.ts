/**
 * What pmtoken's small entry file (dist/cli/pmtoken.js) gets for main/i18n: the same English words,
 * loaded with the engine file on first use. The release build swaps this in for main/i18n in the
 * entry only, so that `pmtoken token` with a valid token parses neither the catalogue nor the ICU
 * formatter (the benchmark's "pmtoken token" row shows the start-up they would cost). An error, the
 * only thing on that road that needs a sentence, loads the engine file anyway.
 */
import type * as I18n from '../i18n';
import type { i18n } from './engine';

let loaded: typeof i18n | undefined;
const words = (): typeof i18n => {
  // Synchronous on purpose: a sentence is wanted where it is built (an error's message).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require('./engine.js') as { i18n: typeof i18n }).i18n;
  return loaded;
};

/** The English translator, from the engine file. */
export const english: I18n.Translator = {
  get locale() {
    return words().english.locale;
  },
  get formatLocale() {
    return words().english.formatLocale;
  },
  t: (key, values) => words().english.t(key, values),
  relative: (deltaMs) => words().english.relative(deltaMs),
  dateTime: (when, options) => words().english.dateTime(when, options),
  number: (value, options) => words().english.number(value, options),
};

/** The English catalogue, read through on first use. */
export const englishMessages = new Proxy({} as typeof I18n.englishMessages, {
  get: (_target, key) => Reflect.get(words().englishMessages, key),
  has: (_target, key) => Reflect.has(words().englishMessages, key),
  ownKeys: () => Reflect.ownKeys(words().englishMessages),
  getOwnPropertyDescriptor: (_target, key) => Reflect.getOwnPropertyDescriptor(words().englishMessages, key),
});
