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

/** `NAME=value` lines that set `vars` in the given shell. */
export function shellAssignments(vars: Record<string, string>, shell: ShellKind): string {
  return Object.entries(vars)
    .map(([name, value]) => {
      if (shell === 'powershell') return `$env:${name} = '${value.replace(/'/g, "''")}'`;
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
