/** The English catalogue alone: the source of truth, and the fallback before a locale is chosen. */
import en from './catalogues/en.json';
import type { Messages } from './translator';

/** English, every key. */
export const englishMessages: Messages = en;
