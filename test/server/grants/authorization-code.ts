import type { IncomingMessage } from 'node:http';
import { validateClient } from '../client-auth';
import type { ServerContext } from '../context';
import { str, type Body } from '../http-utils';
import { invalidGrant, invalidRequest } from '../oauth-errors';
import { finalizeScopes } from '../scopes';
import { issueTokenPair, type TokenResponseBody } from './issue';
import { PKCE_PATTERN, pkceMatches } from './pkce';

/** league's AuthCodeGrant::respondToAccessTokenRequest, checks in league's order. */
export function authorizationCodeGrant(ctx: ServerContext, req: IncomingMessage, body: Body): TokenResponseBody {
  const client = validateClient(ctx, req, body, 'authorization_code');
  const code = str(body, 'code');
  if (code === null) throw invalidRequest('code');
  const row = ctx.store.authCodes.get(code);
  if (row === undefined) throw invalidRequest('code', 'Cannot decrypt the authorization code');
  if (ctx.now() > row.expiresAt) throw invalidRequest('code', 'Authorization code has expired');
  if (row.revoked) throw invalidRequest('code', 'Authorization code has been revoked');
  if (row.clientId !== client.id) throw invalidRequest('code', 'Authorization code was not issued to this client');
  const redirectUri = str(body, 'redirect_uri');
  // The code remembers the redirect_uri of the authorization request ('' when none was sent).
  const expected = row.redirectUri === '' ? null : row.redirectUri;
  if (expected !== null && redirectUri === null) throw invalidRequest('redirect_uri');
  if (expected !== redirectUri) throw invalidRequest('redirect_uri', 'Invalid redirect URI');
  const verifier = str(body, 'code_verifier');
  if (row.codeChallenge !== null) {
    if (verifier === null) throw invalidRequest('code_verifier');
    if (!PKCE_PATTERN.test(verifier))
      throw invalidRequest('code_verifier', 'Code Verifier must follow the specifications of RFC-7636.');
    if (!pkceMatches(verifier, row.codeChallenge, row.codeChallengeMethod ?? 'plain'))
      throw invalidGrant('Failed to verify `code_verifier`.');
  } else if (verifier !== null) {
    throw invalidRequest('code_challenge', 'code_verifier received when no code_challenge is present');
  }
  // Single use: league revokes the code once exchanged.
  row.revoked = true;
  return issueTokenPair(
    ctx,
    {
      clientId: client.id,
      userId: row.userId,
      scopes: finalizeScopes('authorization_code', row.scopes),
      ttlSeconds: ctx.config.accessTokenTtl,
    },
    true,
  );
}
