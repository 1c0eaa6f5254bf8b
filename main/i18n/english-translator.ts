/** The English translator: pmtoken's words, logs, and the default before a language is chosen. */
import { englishMessages } from './english';
import { createTranslator, type Translator } from './translator';

/** English, formatted for plain 'en'. */
export const english: Translator = createTranslator('en', englishMessages);
