/** Checks a JSON body before sending and says where the mistake is, in plain words (core's rule, shared with pmtoken). */
import { jsonMistake } from '../../../../main/core/errors';
import { t } from '../../i18n';

/** Outcome of {@link checkJson}. */
export type JsonCheck = { ok: true } | { ok: false; message: string; position: number | null };

/** Empty text is fine (no body); anything else must parse as JSON. */
export function checkJson(text: string): JsonCheck {
  const mistake = jsonMistake(text);
  if (mistake === null) return { ok: true };
  if (mistake.position === null) return { ok: false, message: t('window.console.json.invalid'), position: null };
  const { line, column, position } = mistake;
  return { ok: false, message: t('window.console.json.invalidAt', { line, column }), position };
}
