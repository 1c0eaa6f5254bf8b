/**
 * How `pmtoken request` prints an answer's body: exactly as it came when stdout
 * is a pipe or a file (scripts get the server's bytes), and for a person at a
 * terminal indented when it is JSON, with no raw control character either way,
 * so an answer cannot move the cursor, retitle the window or clear the screen.
 */
import { UNSAFE_TEXT_CHARS } from '../core';
import { printable, safeJson } from './escape';

// The unsafe characters except line feed and tab, which a text answer keeps as layout.
const unsafeExceptLayout = new RegExp(`(?![\\n\\t])${UNSAFE_TEXT_CHARS}`, 'g');

/** The body text to write on stdout (ending with a line feed), or '' for an empty body. */
export function bodyOutput(response: { text: string; json: unknown }, toTerminal: boolean): string {
  if (response.text === '') return '';
  let text = response.text;
  if (toTerminal) {
    // `json` is null for a truncated or non-JSON answer (and for a literal null, which prints the same).
    text =
      response.json !== null && response.json !== undefined
        ? safeJson(response.json, 2)
        : text.replace(/\r\n/g, '\n').replace(unsafeExceptLayout, (ch) => printable(ch));
  }
  return text.endsWith('\n') ? text : `${text}\n`;
}
