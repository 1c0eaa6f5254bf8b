/** Checks a JSON body before sending and says where the mistake is, in plain words. */
import { t } from '../../i18n';

/** Outcome of {@link checkJson}. */
export type JsonCheck = { ok: true } | { ok: false; message: string; position: number | null };

/** Empty text is fine (no body); anything else must parse as JSON. */
export function checkJson(text: string): JsonCheck {
  if (text.trim() === '') return { ok: true };
  try {
    JSON.parse(text);
    return { ok: true };
  } catch (err) {
    const detail = err instanceof Error ? err.message : '';
    const match = /position (\d+)/.exec(detail);
    const position = match
      ? Number(match[1])
      : detail.includes('end of JSON') || detail.includes('Unexpected end')
        ? text.length
        : null;
    if (position === null) return { ok: false, message: t('window.console.json.invalid'), position: null };
    const { line, column } = lineAndColumn(text, position);
    return {
      ok: false,
      message: t('window.console.json.invalidAt', { line, column }),
      position,
    };
  }
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return { line, column };
}
