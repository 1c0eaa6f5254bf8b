import { describe, expect, it } from 'vitest';
import { toTokenSet } from '../../../../main/core/oauth';
import { maskToken } from '../../../../main/core/profiles';
import { cleanPastedToken } from '../../../../main/core/oauth';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${b64({ typ: 'JWT', alg: 'RS256' })}.${b64(claims)}.c2ln`;
const clock = { now: () => 1_700_000_000_000 };

describe('token expiry and display', () => {
  it('expiry comes from expires_in when present', () => {
    const set = toTokenSet(
      { access_token: jwt({ exp: 1 }), token_type: 'bearer', expires_in: 31535999, refresh_token: 'def502' },
      clock,
    );
    expect(set.expiresAt).toBe(clock.now() + 31535999 * 1000);
    expect(set.refreshToken).toBe('def502');
  });

  it('without expires_in, expiry comes from the JWT exp, a fractional timestamp', () => {
    const set = toTokenSet({ access_token: jwt({ exp: 1718000000.123456, sub: '2' }), token_type: 'bearer' }, clock);
    expect(set.expiresAt).toBe(1718000000123);
  });

  it('without either, expiry is unknown (null)', () => {
    expect(toTokenSet({ access_token: 'opaque-token', token_type: 'bearer' }, clock).expiresAt).toBeNull();
  });

  it('masks all but the first and last four characters', () => {
    const token = jwt({ sub: '1', exp: 2 });
    const masked = maskToken(token);
    expect(masked.startsWith(token.slice(0, 4))).toBe(true);
    expect(masked.endsWith(token.slice(-4))).toBe(true);
    expect(masked).not.toContain(token.slice(4, 12));
    expect(maskToken('short')).not.toContain('short');
  });

  it('cleans a pasted personal access token (spaces, newlines, "Bearer ", "Authorization:")', () => {
    expect(cleanPastedToken('  eyJ.abc.def\n')).toBe('eyJ.abc.def');
    expect(cleanPastedToken('Bearer eyJ.abc.def')).toBe('eyJ.abc.def');
    expect(cleanPastedToken('Authorization: Bearer eyJ.abc.def')).toBe('eyJ.abc.def');
    expect(cleanPastedToken('"eyJ.abc.def"')).toBe('eyJ.abc.def');
  });
});
