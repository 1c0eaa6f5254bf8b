import { createSign, createVerify, generateKeyPair, randomBytes, type KeyObject } from 'node:crypto';

/** The RSA key pair the server signs access tokens with (Passport's oauth-private.key / oauth-public.key). */
export interface SigningKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** Generates a fresh 2048-bit RSA key pair at start-up (off the event loop). */
export function generateSigningKeys(): Promise<SigningKeys> {
  return new Promise((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: 2048 }, (err, publicKey, privateKey) =>
      err ? reject(err) : resolve({ publicKey, privateKey }),
    );
  });
}

/** Claims of a ProcessMaker (league/oauth2-server) access token, in league's order. */
export interface AccessTokenClaims {
  aud: string;
  jti: string;
  iat: number;
  nbf: number;
  exp: number;
  sub: string;
  scopes: string[];
}

const b64url = (buf: Buffer | string): string => Buffer.from(buf).toString('base64url');

/** An 80-hex token id, as Passport stores in oauth_access_tokens.id. */
export function newTokenId(): string {
  return randomBytes(40).toString('hex');
}

/**
 * Unix seconds with a microsecond fraction, as lcobucci/jwt writes iat/nbf/exp
 * (e.g. 1718000000.123456). The sub-millisecond digits are random so the value is always fractional.
 */
export function fractionalSeconds(ms: number): number {
  const micros = Math.floor(ms) * 1000 + 1 + Math.floor(Math.random() * 998);
  return micros / 1e6;
}

/** Signs claims as an RS256 JWT with header {"typ":"JWT","alg":"RS256"}. */
export function signJwt(claims: AccessTokenClaims, key: KeyObject): string {
  const head = b64url(JSON.stringify({ typ: 'JWT', alg: 'RS256' }));
  const body = b64url(JSON.stringify(claims));
  const signer = createSign('RSA-SHA256');
  signer.update(`${head}.${body}`);
  return `${head}.${body}.${signer.sign(key).toString('base64url')}`;
}

/** Verifies an RS256 JWT's signature and returns its claims, or null when it is malformed or forged. */
export function verifyJwt(token: string, key: KeyObject): AccessTokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head, body, sig] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown };
    if (header.alg !== 'RS256') return null;
    const verifier = createVerify('RSA-SHA256');
    verifier.update(`${head}.${body}`);
    if (!verifier.verify(key, Buffer.from(sig, 'base64url'))) return null;
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<AccessTokenClaims>;
    if (typeof claims.jti !== 'string' || typeof claims.exp !== 'number') return null;
    return claims as AccessTokenClaims;
  } catch {
    return null;
  }
}
