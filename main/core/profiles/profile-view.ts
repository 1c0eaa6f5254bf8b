/**
 * Builds what the UI and CLI show from a profile's settings and its keychain
 * item: signed in or not (and why), until when, as whom. No secret leaves here
 * except through {@link maskToken}.
 */
import type { UserError } from '../errors';
import type { Profile, ProfileStatus, ProfileView, TokenDetails } from '../model';
import { decodeJwtClaims, renewalDueAt } from '../tokens';
import type { VaultEntry } from '../tokens';

/** The status a keychain item means; `renewalError` is why the last background renewal failed, if it did. */
export function statusOf(entry: VaultEntry, renewalError: UserError | null = null): ProfileStatus {
  if (entry.kind === 'none' || !entry.accessToken) {
    return { state: 'signed_out', reason: entry.signedOutReason ?? 'never' };
  }
  return {
    state: 'signed_in',
    expiresAt: entry.expiresAt ?? null,
    user: entry.user ?? null,
    refreshable: entry.kind === 'oauth' && Boolean(entry.refreshToken),
    renewAt: renewalDueAt(entry),
    renewalError,
  };
}

/** The view of one profile; `entry` null when the keychain could not be read (state `keychain_unavailable`). */
export function toProfileView(
  profile: Profile,
  entry: VaultEntry | null,
  activeId: string | null,
  renewalError: UserError | null = null,
): ProfileView {
  return {
    ...profile,
    status: entry === null ? { state: 'keychain_unavailable' } : statusOf(entry, renewalError),
    hasClientSecret: Boolean(entry?.clientSecret),
    active: profile.id === activeId,
  };
}

/** Shows the first and last 4 characters only (all masked when the token is short). */
export function maskToken(token: string): string {
  if (token.length <= 12) return '•'.repeat(Math.max(token.length, 8));
  return `${token.slice(0, 4)}${'•'.repeat(Math.min(token.length - 8, 24))}${token.slice(-4)}`;
}

/** Token details for display, without the token itself. */
export function toTokenDetails(profileId: string, entry: VaultEntry & { accessToken: string }): TokenDetails {
  return {
    profileId,
    kind: entry.kind === 'personal_access_token' ? 'personal_access_token' : 'oauth',
    expiresAt: entry.expiresAt ?? null,
    claims: decodeJwtClaims(entry.accessToken),
    masked: maskToken(entry.accessToken),
    refreshable: entry.kind === 'oauth' && Boolean(entry.refreshToken),
  };
}
