/**
 * Names from the settings file (and users from ProcessMaker) are printed with
 * their control characters escaped, so an old or edited settings file cannot
 * move the cursor, recolour the terminal or reorder text (bidi controls).
 */
import { shellQuote, UNSAFE_TEXT_CHARS } from '../core';

// The characters core refuses in names (C0, DEL, C1, invisible bidi marks, line separators).
const unsafe = new RegExp(UNSAFE_TEXT_CHARS, 'g');

// What JSON.stringify leaves raw inside strings (it escapes C0 itself; C0 outside strings is layout).
const unsafeInJson = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function hex(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character written out (`\n`, `\x1b`, `\u202e`). */
export function printable(text: string): string {
  return text.replace(unsafe, (ch) => named[ch] ?? hex(ch));
}

/** JSON text whose strings keep their value but show no raw control character (C1 and bidi become `\uXXXX`). */
export function safeJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    unsafeInJson,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * `value` as one word to paste into sh, bash or zsh in a next step ("Next: pmtoken login …"): bare
 * when it holds only safe characters, else in single quotes with each ' written '\'' (core's
 * shellQuote, as curl commands are), so `$(…)` or backticks in a profile name never run.
 */
export function shellWord(value: string): string {
  return shellQuote(printable(value));
}
