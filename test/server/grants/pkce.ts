import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636's allowed characters and length for verifiers and challenges. */
export const PKCE_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;

/** The methods league registers, in its order. */
export const PKCE_METHODS = ['S256', 'plain'] as const;

/** Verifies a code_verifier against a stored challenge and method. */
export function pkceMatches(verifier: string, challenge: string, method: string): boolean {
  const computed = method === 'S256' ? createHash('sha256').update(verifier, 'ascii').digest('base64url') : verifier;
  const a = Buffer.from(computed);
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}
