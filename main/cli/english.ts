/** pmtoken speaks English (scripts and support threads read it): core's sentences from the English catalogue. */
import { createTranslator, englishMessages } from '../i18n';

/** The English translator for what core names by key. */
export const english = createTranslator('en', englishMessages);
