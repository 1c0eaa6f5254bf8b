import type { IncomingMessage } from 'node:http';
import { validateClient } from '../client-auth';
import type { ServerContext } from '../context';
import { str, type Body } from '../http-utils';
import { invalidRefreshToken, invalidRequest, invalidScope } from '../oauth-errors';
import { finalizeScopes, validateScopes } from '../scopes';
import { issueTokenPair, type TokenResponseBody } from './issue';

/** league's RefreshTokenGrant with Passport's rotation (old access and refresh tokens revoked). */
export function refreshTokenGrant(ctx: ServerContext, req: IncomingMessage, body: Body): TokenResponseBody {
  const client = validateClient(ctx, req, body, 'refresh_token');
  const token = str(body, 'refresh_token');
  if (token === null) throw invalidRequest('refresh_token');
  const row = ctx.store.refreshTokens.get(token);
  if (row === undefined) throw invalidRefreshToken('Cannot decrypt the refresh token');
  if (row.clientId !== client.id) throw invalidRefreshToken('Token is not linked to client');
  if (row.expiresAt < ctx.now()) throw invalidRefreshToken('Token has expired');
  if (row.revoked) throw invalidRefreshToken('Token has been revoked');
  const requested = str(body, 'scope');
  const scopes = requested === null ? row.scopes : validateScopes(requested);
  for (const s of scopes) if (!row.scopes.includes(s)) throw invalidScope(s);
  const rotate = ctx.config.rotateRefreshTokens;
  // league always expires the old access token; the old refresh token only when rotating.
  ctx.store.revokeAccessToken(row.accessTokenId, ctx.now(), false);
  if (rotate) row.revoked = true;
  return issueTokenPair(
    ctx,
    {
      clientId: client.id,
      userId: row.userId,
      scopes: finalizeScopes('refresh_token', scopes),
      ttlSeconds: ctx.config.accessTokenTtl,
    },
    // Without rotation league hands back no refresh_token; the old one stays valid.
    rotate,
  );
}
