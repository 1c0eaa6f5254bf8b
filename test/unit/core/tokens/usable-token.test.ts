import { describe, expect, it } from 'vitest';
import {
  decideStoredToken,
  MIN_VALIDITY_MS,
  minValidityMs,
  parseVaultItem,
  renewalDueAt,
  renewalLeadMs,
  type TokenDecision,
} from '../../../../main/core/tokens';
import { storedTokenCases, type CaseOutcome } from './stored-token-cases';

const tokens = { access: 'header.payload.signature', refresh: 'refresh-token' };

function outcomeOf(decision: TokenDecision): CaseOutcome {
  switch (decision.action) {
    case 'use':
      return 'stored token';
    case 'refresh':
      return 'refreshed';
    case 'not_signed_in':
      return decision.reason;
    case 'expired':
      return 'session_expired';
  }
}

describe('the one "is this stored token usable" rule', () => {
  const now = Date.UTC(2026, 0, 1);

  for (const c of storedTokenCases) {
    it(`${c.name}: ${c.outcome}`, () => {
      expect(outcomeOf(decideStoredToken(parseVaultItem(c.item(now, tokens)), now))).toBe(c.outcome);
    });
  }

  it('asks for a minute of validity, or half the lifetime of a shorter-lived token', () => {
    expect(minValidityMs({ obtainedAt: now, expiresAt: now + 3600_000 })).toBe(MIN_VALIDITY_MS);
    expect(minValidityMs({ obtainedAt: now, expiresAt: now + 30_000 })).toBe(15_000);
    expect(minValidityMs({ expiresAt: now + 30_000 })).toBe(MIN_VALIDITY_MS);
    expect(minValidityMs({ obtainedAt: now, expiresAt: now - 1 })).toBe(MIN_VALIDITY_MS);
  });

  it('after waiting for the lock, uses a pair another process just stored while it has not expired', () => {
    const entry = parseVaultItem(storedTokenCases[3]!.item(now, tokens)); // 10 s left of 30
    expect(decideStoredToken(entry, now).action).toBe('refresh');
    expect(decideStoredToken(entry, now, { renewedElsewhere: true })).toEqual({ action: 'use', token: tokens.access });
    expect(decideStoredToken(entry, now + 10_000, { renewedElsewhere: true }).action).toBe('refresh');
  });

  it('a forced refresh refreshes a fresh token, unless another process renewed it meanwhile', () => {
    const entry = parseVaultItem(storedTokenCases[0]!.item(now, tokens));
    expect(decideStoredToken(entry, now, { force: true })).toEqual({ action: 'refresh', refreshToken: tokens.refresh });
    expect(decideStoredToken(entry, now, { force: true, renewedElsewhere: true }).action).toBe('use');
  });
});

describe('when the app renews a token in the background', () => {
  const now = Date.UTC(2026, 0, 1);
  const oauth = (lifetimeMs: number) => ({
    v: 1 as const,
    kind: 'oauth' as const,
    accessToken: 'a',
    refreshToken: 'r',
    obtainedAt: now,
    expiresAt: now + lifetimeMs,
  });

  it('five minutes ahead for a token of an hour or more, a quarter of a shorter lifetime', () => {
    expect(renewalLeadMs(oauth(60 * 60_000))).toBe(5 * 60_000);
    expect(renewalLeadMs(oauth(10 * 60_000))).toBe(150_000);
    expect(renewalDueAt(oauth(60 * 60_000))).toBe(now + 55 * 60_000);
  });

  it('never later than a copied token would itself need renewing', () => {
    // Two minutes: a quarter is 30 s, but a handed-out token needs a minute.
    expect(renewalLeadMs(oauth(2 * 60_000))).toBe(MIN_VALIDITY_MS);
    // Thirty seconds: half the lifetime is what a copied token needs, and renewal comes at that point.
    expect(renewalLeadMs(oauth(30_000))).toBe(15_000);
  });

  it('not at all for a personal access token, a token without a refresh token or an unknown expiry', () => {
    expect(renewalDueAt({ ...oauth(60_000), kind: 'personal_access_token' })).toBeNull();
    expect(renewalDueAt({ ...oauth(60_000), refreshToken: undefined })).toBeNull();
    expect(renewalDueAt({ ...oauth(60_000), expiresAt: undefined })).toBeNull();
    expect(renewalDueAt({ v: 1, kind: 'none' })).toBeNull();
  });
});
