import { clientHandlesGrant } from './client-auth';
import type { ServerContext } from './context';
import { issueAccessToken } from './grants/issue';
import { laravelDate } from './sample-data';
import type { AccessTokenRow } from './store';

/** Passport's Token model as JSON (oauth_access_tokens row). */
export function tokenJson(row: AccessTokenRow): Record<string, unknown> {
  return {
    id: row.id,
    user_id: row.userId,
    client_id: row.clientId,
    name: row.name,
    scopes: row.scopes,
    revoked: row.revoked,
    created_at: laravelDate(row.createdAt),
    updated_at: laravelDate(row.updatedAt),
    expires_at: laravelDate(row.expiresAt),
  };
}

/**
 * Passport's PersonalAccessTokenFactory: a token from the personal access client for a user,
 * with a name and no refresh token. Throws when no personal access client exists.
 */
export function createPersonalAccessToken(
  ctx: ServerContext,
  userId: number,
  name: string,
  scopes: string[],
): { accessToken: string; token: Record<string, unknown> } {
  const client = ctx.store.clients.find((c) => clientHandlesGrant(c, 'personal_access'));
  if (client === undefined) throw new Error('Personal access client not found. Please create one.');
  const { jwt, row } = issueAccessToken(ctx, {
    clientId: client.id,
    userId,
    scopes,
    ttlSeconds: ctx.config.personalAccessTokenTtl,
    name,
  });
  return { accessToken: jwt, token: tokenJson(row) };
}

/** The personal access clients' ids, to tell PATs from OAuth tokens. */
export function personalClientIds(ctx: ServerContext): Set<number> {
  return new Set(ctx.store.clients.filter((c) => c.types.includes('personal_access_client')).map((c) => c.id));
}
