/**
 * Who am I: ProcessMaker has no `/me`. The JWT's `sub` names the user (read
 * for display only), and users may always read themselves at
 * `/api/1.0/users/{id}`; a token that is not a JWT asks
 * `/api/1.0/users/configuration` for its `user_id` first.
 */
import type { UserInfo } from '../model';
import { TokenTrayError } from '../errors';
import { resolveApiUrl } from './api-url';
import { decodeJwtClaims } from '../tokens';
import { errorForStatus, guardedFetch, readJsonBody } from './http';
import type { FetchLike } from '../ports';

async function getJson(
  fetch: FetchLike,
  instanceUrl: string,
  path: string,
  accessToken: string,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(resolveApiUrl(instanceUrl, path).href, {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
    redirect: 'manual',
  });
  if (response.status === 401) {
    await response.body?.cancel().catch(() => undefined);
    throw new TokenTrayError('token_rejected');
  }
  if (response.status >= 300) {
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, json: null };
  }
  return { status: response.status, json: await readJsonBody(response) };
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

/** Turns ProcessMaker's user resource (bare, or wrapped in `data`) into {@link UserInfo}. */
export function toUserInfo(resource: unknown): UserInfo {
  const outer = asRecord(resource);
  const user = asRecord(outer?.data) ?? outer;
  const id = text(user?.id);
  if (!user || id === undefined) throw new TokenTrayError('unexpected_response');
  const username = text(user.username);
  const joined = [text(user.firstname), text(user.lastname)].filter(Boolean).join(' ');
  const name = text(user.fullname) ?? (joined || undefined) ?? username ?? `User ${id}`;
  const email = text(user.email);
  return { id, name, ...(username ? { username } : {}), ...(email ? { email } : {}) };
}

/**
 * Looks up the user an access token belongs to. Throws `token_rejected` on a
 * 401, `unexpected_response` for non-JSON, and the transport codes of
 * {@link guardedFetch}.
 */
export async function lookupUser(fetch: FetchLike, instanceUrl: string, accessToken: string): Promise<UserInfo> {
  const guarded = guardedFetch(fetch);
  let userId = decodeJwtClaims(accessToken)?.sub;
  if (userId !== undefined && /^[A-Za-z0-9_-]+$/.test(userId)) {
    const byId = await getJson(guarded, instanceUrl, `users/${encodeURIComponent(userId)}`, accessToken);
    if (byId.status < 300) return toUserInfo(byId.json);
    if (byId.status !== 403 && byId.status !== 404) throw errorForStatus(byId.status);
  }
  const config = await getJson(guarded, instanceUrl, 'users/configuration', accessToken);
  if (config.status >= 300) throw errorForStatus(config.status);
  userId = text(asRecord(config.json)?.user_id);
  if (userId === undefined) throw new TokenTrayError('unexpected_response');
  const user = await getJson(guarded, instanceUrl, `users/${encodeURIComponent(userId)}`, accessToken);
  if (user.status >= 300) throw errorForStatus(user.status);
  return toUserInfo(user.json);
}
