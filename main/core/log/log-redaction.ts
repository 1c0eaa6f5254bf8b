/**
 * Redacts every value logged through electron-log (a hook), so a token that
 * reaches a log call from anywhere, not only from core's logger, is replaced
 * before it is written.
 */
import { inspect } from 'node:util';
import { redactSecrets } from './logger';

/** Log arguments with every string, error and object turned into redacted text. */
export function redactLogData(data: readonly unknown[]): unknown[] {
  return data.map((value) => {
    if (typeof value === 'string') return redactSecrets(value);
    if (value instanceof Error) return redactSecrets(`${value.name}: ${value.message}`);
    if (value !== null && typeof value === 'object')
      return redactSecrets(inspect(value, { depth: 4, breakLength: Infinity }));
    return value;
  });
}
