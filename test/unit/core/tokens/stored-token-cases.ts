/**
 * Every case of the "is this stored token usable" rule, as keychain items built at run time from
 * real tokens. The unit test checks the rule's answer; the CLI test runs the same items through
 * `pmtoken token` and the engine and expects both to follow it.
 */
import type { VaultEntry } from '../../../../main/core/tokens';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The tokens a case is built from (for the CLI test: a live pair from pm-server). */
export interface CaseTokens {
  access: string;
  refresh: string;
  /** The profile's client secret, which lives in the same keychain item. */
  clientSecret?: string;
}

/** What handing the item out should end in. */
export type CaseOutcome = 'stored token' | 'refreshed' | 'signed_out' | 'session_expired';

/** One case: the raw keychain item at `now`, and the expected outcome. */
export interface StoredTokenCase {
  name: string;
  item(now: number, tokens: CaseTokens): string;
  outcome: CaseOutcome;
}

const oauth = (tokens: CaseTokens, fields: Partial<VaultEntry>): string =>
  JSON.stringify({
    v: 1,
    clientSecret: tokens.clientSecret,
    kind: 'oauth',
    accessToken: tokens.access,
    refreshToken: tokens.refresh,
    ...fields,
  } satisfies VaultEntry);

/** The cases, in the order the rule checks them. */
export const storedTokenCases: StoredTokenCase[] = [
  {
    name: 'an hour-long token with 50 minutes left',
    item: (now, t) => oauth(t, { obtainedAt: now - 10 * MINUTE, expiresAt: now + 50 * MINUTE }),
    outcome: 'stored token',
  },
  {
    name: 'an hour-long token with 30 seconds left',
    item: (now, t) => oauth(t, { obtainedAt: now - HOUR + 30_000, expiresAt: now + 30_000 }),
    outcome: 'refreshed',
  },
  {
    name: 'a 30-second token with 20 seconds left (more than half its life)',
    item: (now, t) => oauth(t, { obtainedAt: now - 10_000, expiresAt: now + 20_000 }),
    outcome: 'stored token',
  },
  {
    name: 'a 30-second token with 10 seconds left',
    item: (now, t) => oauth(t, { obtainedAt: now - 20_000, expiresAt: now + 10_000 }),
    outcome: 'refreshed',
  },
  {
    name: 'a token of unknown age with 50 seconds left',
    item: (now, t) => oauth(t, { expiresAt: now + 50_000 }),
    outcome: 'refreshed',
  },
  {
    name: 'an expired token with a refresh token',
    item: (now, t) => oauth(t, { obtainedAt: now - HOUR - 1000, expiresAt: now - 1000 }),
    outcome: 'refreshed',
  },
  {
    name: 'a token without an expiry',
    item: (now, t) => oauth(t, { obtainedAt: now, expiresAt: null }),
    outcome: 'stored token',
  },
  {
    name: 'a token without a refresh token, 30 seconds left',
    item: (now, t) => oauth({ ...t, refresh: '' }, { obtainedAt: now - HOUR, expiresAt: now + 30_000 }),
    outcome: 'stored token',
  },
  {
    name: 'an expired token without a refresh token',
    item: (now, t) => oauth({ ...t, refresh: '' }, { obtainedAt: now - HOUR, expiresAt: now - 1000 }),
    outcome: 'session_expired',
  },
  {
    name: 'a personal access token without an expiry',
    item: (now, t) =>
      JSON.stringify({ v: 1, kind: 'personal_access_token', accessToken: t.access, expiresAt: null, obtainedAt: now }),
    outcome: 'stored token',
  },
  {
    name: 'a personal access token with 30 seconds left',
    item: (now, t) =>
      JSON.stringify({ v: 1, kind: 'personal_access_token', accessToken: t.access, expiresAt: now + 30_000 }),
    outcome: 'stored token',
  },
  {
    name: 'an expired personal access token',
    item: (now, t) =>
      JSON.stringify({ v: 1, kind: 'personal_access_token', accessToken: t.access, expiresAt: now - 1000 }),
    outcome: 'session_expired',
  },
  {
    name: 'a signed-out profile',
    item: () => JSON.stringify({ v: 1, kind: 'none', signedOutReason: 'signed_out' }),
    outcome: 'signed_out',
  },
  {
    name: 'a profile whose sign-in expired',
    item: () => JSON.stringify({ v: 1, kind: 'none', signedOutReason: 'session_expired' }),
    outcome: 'session_expired',
  },
  {
    name: 'an item the vault schema refuses (expiry as text)',
    item: (now, t) => JSON.stringify({ v: 1, kind: 'oauth', accessToken: t.access, expiresAt: String(now + HOUR) }),
    outcome: 'signed_out',
  },
  {
    name: 'an item of a future version',
    item: (now, t) => JSON.stringify({ v: 2, kind: 'oauth', accessToken: t.access, expiresAt: now + HOUR }),
    outcome: 'signed_out',
  },
  {
    name: 'an item that is not JSON',
    item: (_now, t) => t.access,
    outcome: 'signed_out',
  },
];
