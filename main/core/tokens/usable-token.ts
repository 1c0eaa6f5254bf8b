/**
 * The one rule for "may this stored token be handed out?". Pure: the engine
 * (before and after the refresh lock) and `pmtoken token`'s fast path both
 * call it, so they can never disagree.
 */
import type { VaultEntry } from './vault';

/** A token must stay valid this long to be handed out without a refresh (unless it lives shorter, see {@link minValidityMs}). */
export const MIN_VALIDITY_MS = 60_000;

/** What to do with a stored keychain entry. */
export type TokenDecision =
  /** Hand `token` out as it is. */
  | { action: 'use'; token: string }
  /** Ask the token endpoint for a new pair with `refreshToken`. */
  | { action: 'refresh'; refreshToken: string }
  /** Nothing stored (never signed in, signed out, or a session already marked expired). */
  | { action: 'not_signed_in'; reason: 'signed_out' | 'session_expired' }
  /** The stored token has expired and cannot be refreshed; `personal` for a personal access token. */
  | { action: 'expired'; personal: boolean };

/** How much validity a token must have left: {@link MIN_VALIDITY_MS}, but at most half its lifetime. */
export function minValidityMs(entry: Pick<VaultEntry, 'expiresAt' | 'obtainedAt'>): number {
  const { expiresAt, obtainedAt } = entry;
  if (typeof expiresAt !== 'number' || typeof obtainedAt !== 'number' || expiresAt <= obtainedAt) {
    return MIN_VALIDITY_MS;
  }
  return Math.min(MIN_VALIDITY_MS, (expiresAt - obtainedAt) / 2);
}

/** Background renewal starts this long before expiry (less for a token that lives under 20 minutes). */
export const RENEWAL_LEAD_MS = 5 * 60_000;

/**
 * Background renewals of one profile are at least this far apart, however short-lived its tokens: a
 * server that hands out tokens of a few seconds is not asked every second (a copy or a request still
 * gets a fresh token on demand).
 */
export const MIN_RENEWAL_INTERVAL_MS = 60_000;

/**
 * How long before expiry the app renews a token in the background: {@link RENEWAL_LEAD_MS}, or a
 * quarter of a shorter lifetime, but never less than the validity a handed-out token needs.
 */
export function renewalLeadMs(entry: Pick<VaultEntry, 'expiresAt' | 'obtainedAt'>): number {
  const { expiresAt, obtainedAt } = entry;
  const lifetime =
    typeof expiresAt === 'number' && typeof obtainedAt === 'number' && expiresAt > obtainedAt
      ? expiresAt - obtainedAt
      : null;
  const lead = lifetime === null ? RENEWAL_LEAD_MS : Math.min(RENEWAL_LEAD_MS, lifetime / 4);
  return Math.max(lead, minValidityMs(entry));
}

/**
 * When the app should renew `entry` in the background (epoch ms), or null when it cannot or need not:
 * the lead time before expiry, but never sooner than {@link MIN_RENEWAL_INTERVAL_MS} after the token came.
 */
export function renewalDueAt(entry: VaultEntry): number | null {
  if (entry.kind !== 'oauth' || !entry.accessToken || !entry.refreshToken) return null;
  if (typeof entry.expiresAt !== 'number') return null;
  const due = entry.expiresAt - renewalLeadMs(entry);
  return typeof entry.obtainedAt === 'number' ? Math.max(due, entry.obtainedAt + MIN_RENEWAL_INTERVAL_MS) : due;
}

/**
 * Decides what to do with `entry` at `now`.
 * - `renewedElsewhere`: the entry changed while the caller waited for the refresh lock (another
 *   process refreshed). Its token is then used while it has not expired: refreshing again would
 *   revoke the token the other process just handed out.
 * - `force`: refresh even a fresh token (refresh now, or ProcessMaker rejected the token).
 * - `minValidityMs`: how long the caller needs the token (`pmtoken token --min-validity`); by default
 *   {@link minValidityMs} of the entry.
 */
export function decideStoredToken(
  entry: VaultEntry,
  now: number,
  options: { renewedElsewhere?: boolean; force?: boolean; minValidityMs?: number | undefined } = {},
): TokenDecision {
  const token = entry.accessToken;
  if (!token || entry.kind === 'none') {
    return { action: 'not_signed_in', reason: entry.signedOutReason ?? 'signed_out' };
  }
  const expiresAt = typeof entry.expiresAt === 'number' ? entry.expiresAt : null;
  const expired = expiresAt !== null && expiresAt <= now;
  if (entry.kind === 'personal_access_token') {
    return expired ? { action: 'expired', personal: true } : { action: 'use', token };
  }
  if (!entry.refreshToken) return expired ? { action: 'expired', personal: false } : { action: 'use', token };
  const needed = options.minValidityMs ?? minValidityMs(entry);
  const lasts = (ms: number) => expiresAt === null || expiresAt - now >= ms;
  if (options.renewedElsewhere && !expired && (options.minValidityMs === undefined || lasts(needed))) {
    return { action: 'use', token };
  }
  const fresh = lasts(needed);
  if (fresh && !options.force) return { action: 'use', token };
  return { action: 'refresh', refreshToken: entry.refreshToken };
}
