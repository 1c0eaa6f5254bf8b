import { describe, expect, it } from 'vitest';
import {
  decideStoredToken,
  MIN_VALIDITY_MS,
  minValidityMs,
  parseVaultItem,
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
