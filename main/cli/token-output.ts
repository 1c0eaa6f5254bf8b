/**
 * The forms `pmtoken` prints a token in (core's TOKEN_FORMATS, the same the app copies), and shell
 * assignments for `pmtoken env`.
 */
import { shellQuote, TOKEN_FORMATS, type FreshToken } from '../core';
import { printable } from './escape';
import { UsageError } from './usage-error';

/** `pmtoken token --format` values. */
export const tokenFormats = TOKEN_FORMATS;

/** `pmtoken env --shell` values. */
export const shells = ['sh', 'powershell', 'fish'] as const;
/** One of {@link shells}. */
export type ShellKind = (typeof shells)[number];

/** The value of a `--format`/`--shell` style option, checked against its list. */
export function choice<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  option: string,
  command: string,
): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const list = `${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1] ?? ''}`;
  throw new UsageError(`${option} must be ${list} (not “${printable(value.slice(0, 40))}”).`, command);
}

/**
 * Every character PowerShell takes as a single quote: the ASCII apostrophe and the typographic
 * ‘ ’ ‚ ‛ (U+2018 to U+201B). Any of them ends a single-quoted string, and any of them written
 * twice stands for itself (Windows PowerShell Language Specification 3.0, §2.3.5.2 String literals:
 * single-quote-character; PowerShell's CodeGeneration.EscapeSingleQuotedStringContent doubles the same set).
 */
const powershellSingleQuotes = /['\u2018\u2019\u201a\u201b]/g;

/** `value` as a PowerShell single-quoted (verbatim) string: nothing inside it expands or ends it. */
export function powershellQuote(value: string): string {
  return `'${value.replace(powershellSingleQuotes, (q) => q + q)}'`;
}

/** `NAME=value` lines that set `vars` in the given shell. */
export function shellAssignments(vars: Record<string, string>, shell: ShellKind): string {
  return Object.entries(vars)
    .map(([name, value]) => {
      if (shell === 'powershell') return `$env:${name} = ${powershellQuote(value)}`;
      if (shell === 'fish') return `set -gx ${name} '${value.replace(/[\\']/g, (c) => `\\${c}`)}'`;
      return `export ${name}=${shellQuote(value)}`;
    })
    .join('\n');
}

/** `pmtoken token --json`. */
export function tokenJson(info: FreshToken, profile: string): Record<string, unknown> {
  return {
    token: info.token,
    expires_at: info.expiresAt === null ? null : new Date(info.expiresAt).toISOString(),
    profile,
    kind: info.kind,
  };
}

/** `PM_API_URL` for a profile: the base of ProcessMaker's API. */
export function apiUrl(instanceUrl: string): string {
  return `${instanceUrl}/api/1.0`;
}
