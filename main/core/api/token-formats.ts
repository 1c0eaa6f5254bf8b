/**
 * The token in each of the forms it is handed over in (the list is TOKEN_FORMATS in model), the same
 * for the window, the tray, the shortcut and `pmtoken`.
 */
import type { TokenFormat } from '../model';
import { shellQuote } from './curl';

/** The token in the chosen form, without a newline. */
export function formatToken(token: string, format: TokenFormat): string {
  if (format === 'bearer') return `Bearer ${token}`;
  if (format === 'header') return `Authorization: Bearer ${token}`;
  if (format === 'env') return `export PM_TOKEN=${shellQuote(token)}`;
  return token;
}
