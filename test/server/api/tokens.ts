import { readBody, sendJson } from '../http-utils';
import type { AccessTokenRow } from '../store';
import { createPersonalAccessToken, personalClientIds, tokenJson } from '../personal-access';
import { isAdmin, notFound, unprocessable, type ApiCall } from './api-context';
import { paginate, parseListQuery } from './pagination';

/** The target user of a users/{id}/tokens route, or null after answering 404/403. */
function targetUserId(call: ApiCall): number | null {
  const target = call.ctx.store.user(call.params[0]);
  if (target === undefined) {
    notFound(call.res);
    return null;
  }
  if (target.id !== call.user.id && !isAdmin(call.user)) {
    // UserTokenController throws AuthorizationException with this message.
    sendJson(call.res, 403, { message: 'Not authorized to update this user.' });
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

/** Passport's TokenRepository::findForUser: any token of the user (OAuth or personal, revoked or not). */
function tokenOfUser(call: ApiCall, userId: number): AccessTokenRow | undefined {
  const row = call.ctx.store.accessTokens.get(call.params[1] ?? '');
  return row !== undefined && row.userId === userId ? row : undefined;
}

/** GET /api/1.0/users/{id}/tokens/{tokenId}. */
export function showToken(call: ApiCall): void {
  const userId = targetUserId(call);
  if (userId === null) return;
  const row = tokenOfUser(call, userId);
  // UserTokenController::show answers a missing token with `response([], 404)`.
  if (row === undefined) return sendJson(call.res, 404, []);
  sendJson(call.res, 200, tokenJson(row));
}

/** POST /api/1.0/users/{id}/tokens {name, scopes} -> 200 {accessToken, token}. */
export async function createToken(call: ApiCall): Promise<void> {
  const body = await readBody(call.req);
  const userId = targetUserId(call);
  if (userId === null) return;
  const errors: Record<string, string[]> = {};
  // Rules: 'name' => 'required|max:255', 'scopes' => 'array|in:' . implode(',', Passport::scopeIds()).
  const name = typeof body.name === 'string' || typeof body.name === 'number' ? String(body.name) : '';
  if (name.trim() === '') errors.name = ['The name field is required.'];
  else if (name.length > 255) errors.name = ['The name field must not be greater than 255 characters.'];
  const scopes = body.scopes ?? [];
  if (scopes !== null && !Array.isArray(scopes)) errors.scopes = ['The scopes field must be an array.'];
  // ProcessMaker defines no scopes, so the `in:` list is empty and any scope is refused.
  else if (Array.isArray(scopes) && scopes.length > 0) errors.scopes = ['The selected scopes is invalid.'];
  if (Object.keys(errors).length > 0) return unprocessable(call.res, errors);
  sendJson(call.res, 200, createPersonalAccessToken(call.ctx, userId, name, []));
}

/** DELETE /api/1.0/users/{id}/tokens/{tokenId} -> 204. */
export function deleteToken(call: ApiCall): void {
  const userId = targetUserId(call);
  if (userId === null) return;
  const row = tokenOfUser(call, userId);
  if (row === undefined) return notFound(call.res);
  call.ctx.store.revokeAccessToken(row.id, call.ctx.now());
  call.res.writeHead(204);
  call.res.end();
}
