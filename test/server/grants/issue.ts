import type { ServerContext } from '../context';
import { fractionalSeconds, newTokenId, signJwt } from '../jwt';
import { opaqueToken, type AccessTokenRow } from '../store';

/** What an access token is issued for. */
export interface IssueRequest {
  clientId: number;
  userId: number | null;
  scopes: string[];
  ttlSeconds: number;
  name?: string | null;
}

/** Stores an oauth_access_tokens row and returns it with its signed JWT. */
export function issueAccessToken(ctx: ServerContext, r: IssueRequest): { jwt: string; row: AccessTokenRow } {
  const now = ctx.now();
  const iat = fractionalSeconds(now);
  const row: AccessTokenRow = {
    id: newTokenId(),
    userId: r.userId,
    clientId: r.clientId,
    name: r.name ?? null,
    scopes: r.scopes,
    revoked: false,
    createdAt: now,
    updatedAt: now,
    expiresAt: now + r.ttlSeconds * 1000,
  };
  ctx.store.accessTokens.set(row.id, row);
  const jwt = signJwt(
    {
      aud: String(r.clientId),
      jti: row.id,
      iat,
      nbf: iat,
      exp: iat + r.ttlSeconds,
      sub: r.userId === null ? '' : String(r.userId),
      scopes: r.scopes,
    },
    ctx.keys.privateKey,
  );
  return { jwt, row };
}

/** Stores an oauth_refresh_tokens row for an access token and returns the opaque token. */
export function issueRefreshToken(ctx: ServerContext, access: AccessTokenRow): string {
  const token = opaqueToken();
  ctx.store.refreshTokens.set(token, {
    id: newTokenId(),
    accessTokenId: access.id,
    clientId: access.clientId,
    userId: access.userId ?? 0,
    scopes: access.scopes,
    revoked: false,
    expiresAt: ctx.now() + ctx.config.refreshTokenTtl * 1000,
  });
  return token;
}

/** league's BearerTokenResponse body, keys in league's order. */
export interface TokenResponseBody {
  token_type: 'Bearer';
  expires_in: number;
  access_token: string;
  refresh_token?: string;
}

/** Issues an access token (and a refresh token when `withRefresh`) and builds the response body. */
export function issueTokenPair(ctx: ServerContext, r: IssueRequest, withRefresh: boolean): TokenResponseBody {
  const { jwt, row } = issueAccessToken(ctx, r);
  const body: TokenResponseBody = {
    token_type: 'Bearer',
    expires_in: Math.round((row.expiresAt - ctx.now()) / 1000),
    access_token: jwt,
  };
  if (withRefresh) body.refresh_token = issueRefreshToken(ctx, row);
  return body;
}
