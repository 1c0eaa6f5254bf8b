/** Every locale's catalogue, for main (the renderer receives only the active one over IPC). */
import deApp from './catalogues/de/app.json';
import deCommon from './catalogues/de/common.json';
import deErrors from './catalogues/de/errors.json';
import deSetup from './catalogues/de/setup.json';
import deWindow from './catalogues/de/window.json';
import esApp from './catalogues/es/app.json';
import esCommon from './catalogues/es/common.json';
import esErrors from './catalogues/es/errors.json';
import esSetup from './catalogues/es/setup.json';
import esWindow from './catalogues/es/window.json';
import frApp from './catalogues/fr/app.json';
import frCommon from './catalogues/fr/common.json';
import frErrors from './catalogues/fr/errors.json';
import frSetup from './catalogues/fr/setup.json';
import frWindow from './catalogues/fr/window.json';
import { englishMessages } from './english';
import type { Locale } from './locales';
import type { Messages } from './translator';

// The typecheck cannot insist that a translation has every key (the catalogue test does, with the
// list of what is missing), so the other locales are read as plain string maps here.
const merge = (...areas: Array<Record<string, string>>): Messages => Object.assign({}, ...areas) as Messages;

const catalogues: Record<Locale, Messages> = {
  en: englishMessages,
  es: merge(esApp, esCommon, esErrors, esSetup, esWindow),
  fr: merge(frApp, frCommon, frErrors, frSetup, frWindow),
  de: merge(deApp, deCommon, deErrors, deSetup, deWindow),
};

/** The catalogue of one locale. */
export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
