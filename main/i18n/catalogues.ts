/** Every locale's catalogue, for main (the renderer receives only the active one over IPC). */
import de from './catalogues/de.json';
import en from './catalogues/en.json';
import es from './catalogues/es.json';
import fr from './catalogues/fr.json';
import type { Locale } from './locales';
import type { Messages } from './translator';

const catalogues: Record<Locale, Messages> = { en, es, fr, de };

/** The catalogue of one locale. */
export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}
