/**
 * Plain words for two things people get wrong when they call the API: which sentence explains an
 * HTTP error status (the window's console and pmtoken request say the same), and where a JSON body
 * goes wrong (line and column, not the parser's "at position 1").
 */
import type { MessageKey } from '../../i18n';

/** The sentence for an HTTP error status: what it means for whoever sent the request; null when there is nothing useful to add. */
export function statusAdviceKey(status: number): MessageKey | null {
  if (status === 401) return 'window.console.advice.unauthorized';
  if (status === 403) return 'window.console.advice.forbidden';
  if (status === 404) return 'window.console.advice.notFound';
  if (status === 405) return 'window.console.advice.methodNotAllowed';
  if (status === 422) return 'window.console.advice.unprocessable';
  if (status === 429) return 'window.console.advice.tooManyRequests';
  if (status >= 500 && status < 600) return 'window.console.advice.serverError';
  return null;
}

/** Where a JSON text goes wrong: the character offset and its 1-based line and column. */
export interface JsonMistake {
  position: number;
  line: number;
  column: number;
}

/**
 * Null when `text` is JSON (or empty: no body); else where the parser stopped, or `position: null`
 * when the parser does not say.
 */
export function jsonMistake(text: string): JsonMistake | { position: null } | null {
  if (text.trim() === '') return null;
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    const detail = err instanceof Error ? err.message : '';
    const match = /position (\d+)/.exec(detail);
    const position = match
      ? Number(match[1])
      : detail.includes('end of JSON') || detail.includes('Unexpected end')
        ? text.length
        : null;
    return position === null ? { position: null } : { position, ...lineAndColumn(text, position) };
  }
}

/** 1-based line and column of a character offset. */
function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return { line, column };
}
