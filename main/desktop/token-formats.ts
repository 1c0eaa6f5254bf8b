/**
 * The forms a token is copied in, from the window, the tray and the shortcut alike.
 */
import type { CopyFormat } from '../contract/ipc';

/** The token as the chosen copy form writes it. */
export function formatToken(token: string, format: CopyFormat): string {
  if (format === 'bearer') return `Bearer ${token}`;
  if (format === 'header') return `Authorization: Bearer ${token}`;
  return token;
}
