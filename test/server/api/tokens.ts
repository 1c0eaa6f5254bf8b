import { readBody, sendJson } from '../http-utils';
import { createPersonalAccessToken, personalClientIds, tokenJson } from '../personal-access';
import { forbidden, isAdmin, notFound, unprocessable, type ApiCall } from './api-context';
import { paginate, parseListQuery } from './pagination';

/** The target user of a users/{id}/tokens route, or null after answering 404/403. */
function targetUserId(call: ApiCall): number | null {
  const target = call.ctx.store.user(call.params[0]);
  if (target === undefined) {
    notFound(call.res);
    return null;
  }
  if (target.id !== call.user.id && !isAdmin(call.user)) {
    forbidden(call.res);
    return null;
  }
  return target.id;
}

/** The user's live personal access tokens. */
function personalTokens(call: ApiCall, userId: number) {
  const pat = personalClientIds(call.ctx);
  return [...call.ctx.store.accessTokens.values()].filter(
    (t) => t.userId === userId && pat.has(t.clientId) && !t.revoked,
  );
}

/** GET /api/1.0/users/{id}/tokens. */
export function listTokens(call: ApiCall): void {
  const userId = targetUserId(call);
  if (userId === null) return;
  const rows = personalTokens(call, userId).map(tokenJson);
  sendJson(
    call.res,
    200,
    paginate(rows, parseListQuery(call.url.searchParams, 'created_at'), ['name'], call.ctx.baseUrl + call.url.pathname),
  );
}

/** GET /api/1.0/users/{id}/tokens/{tokenId}. */
export function showToken(call: ApiCall): void {
  const userId = targetUserId(call);
  if (userId === null) return;
  const row = personalTokens(call, userId).find((t) => t.id === call.params[1]);
  if (row === undefined) return notFound(call.res);
  sendJson(call.res, 200, tokenJson(row));
}

/** POST /api/1.0/users/{id}/tokens {name, scopes} -> 200 {accessToken, token}. */
export async function createToken(call: ApiCall): Promise<void> {
  const body = await readBody(call.req);
  const userId = targetUserId(call);
  if (userId === null) return;
  const errors: Record<string, string[]> = {};
  const name = body.name;
  if (name === undefined || name === null || name === '') errors.name = ['The name field is required.'];
  else if (typeof name !== 'string') errors.name = ['The name field must be a string.'];
  else if (name.length > 255) errors.name = ['The name field must not be greater than 255 characters.'];
  const scopes = body.scopes ?? [];
  if (!Array.isArray(scopes)) errors.scopes = ['The scopes field must be an array.'];
  else
    scopes.forEach((s, i) => {
      if (s !== '*') errors[`scopes.${i}`] = [`The selected scopes.${i} is invalid.`];
    });
  if (Object.keys(errors).length > 0) return unprocessable(call.res, errors);
  sendJson(call.res, 200, createPersonalAccessToken(call.ctx, userId, name as string, scopes as string[]));
}

/** DELETE /api/1.0/users/{id}/tokens/{tokenId} -> 204. */
export function deleteToken(call: ApiCall): void {
  const userId = targetUserId(call);
  if (userId === null) return;
  const row = personalTokens(call, userId).find((t) => t.id === call.params[1]);
  if (row === undefined) return notFound(call.res);
  call.ctx.store.revokeAccessToken(row.id, call.ctx.now());
  call.res.writeHead(204);
  call.res.end();
}
