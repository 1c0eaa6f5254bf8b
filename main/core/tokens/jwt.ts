/**
 * Reads the claims of a JWT for display and expiry only. The signature is not
 * checked: the token came from our own keychain, and nothing here is trusted
 * for authorisation (ProcessMaker checks the token on every call).
 */
import type { TokenClaims } from '../model';

/** Decodes a JWT's payload, or returns null when `token` is not a JWT. */
export function decodeJwtClaims(token: string): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null;
    const p = payload as Record<string, unknown>;
    const claims: TokenClaims = {};
    if (typeof p.sub === 'string' || typeof p.sub === 'number') claims.sub = String(p.sub);
    if (typeof p.aud === 'string' || typeof p.aud === 'number') claims.aud = String(p.aud);
    else if (Array.isArray(p.aud)) claims.aud = p.aud.map(String);
    if (typeof p.jti === 'string') claims.jti = p.jti;
    if (Array.isArray(p.scopes)) claims.scopes = p.scopes.map(String);
    for (const key of ['iat', 'nbf', 'exp'] as const) {
      const value = p[key];
      if (typeof value === 'number' && Number.isFinite(value)) claims[key] = value;
      else if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        claims[key] = Number(value);
    }
    return claims;
  } catch {
    return null;
  }
}

/** Expiry in epoch milliseconds from the JWT `exp` (a float in ProcessMaker), or null. */
export function jwtExpiresAt(token: string): number | null {
  const exp = decodeJwtClaims(token)?.exp;
  return exp === undefined ? null : Math.floor(exp * 1000);
}
