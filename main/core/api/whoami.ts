/**
 * Who am I: ProcessMaker has no `/me`. The JWT's `sub` names the user (read
 * for display only), and users may always read themselves at
 * `/api/1.0/users/{id}`; a token that is not a JWT asks
 * `/api/1.0/users/configuration` for its `user_id` first.
 */
import type { UserInfo } from '../model';
import { TokenTrayError } from '../errors';
import { decodeJwtClaims } from '../tokens';
import type { Clock, FetchLike } from '../ports';
import { errorForStatus } from './http';
import { runApiRequest, type RunnerContext } from './request-runner';

/** GETs an API path through the runner (so a 401 refreshes and retries there, once); a 401 left is `token_rejected`. */
async function getJson(runner: RunnerContext, path: string): Promise<{ status: number; json: unknown }> {
  const response = await runApiRequest(runner, { method: 'GET', path });
  if (response.status === 401) throw new TokenTrayError('token_rejected');
  return { status: response.status, json: response.status < 300 ? response.json : null };
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
 * Looks up the user the runner's token belongs to. Throws `token_rejected` on a
 * 401 the runner could not cure, `unexpected_response` for an answer that is not
 * a user, and the runner's transport codes.
 */
export async function lookupUser(runner: RunnerContext): Promise<UserInfo> {
  let userId = decodeJwtClaims(await runner.token())?.sub;
  if (userId !== undefined && /^[A-Za-z0-9_-]+$/.test(userId)) {
    const byId = await getJson(runner, `users/${encodeURIComponent(userId)}`);
    if (byId.status < 300) return toUserInfo(byId.json);
    if (byId.status !== 403 && byId.status !== 404) throw errorForStatus(byId.status);
  }
  const config = await getJson(runner, 'users/configuration');
  if (config.status >= 300) throw errorForStatus(config.status);
  userId = text(asRecord(config.json)?.user_id);
  if (userId === undefined) throw new TokenTrayError('unexpected_response');
  const user = await getJson(runner, `users/${encodeURIComponent(userId)}`);
  if (user.status >= 300) throw errorForStatus(user.status);
  return toUserInfo(user.json);
}

/** A runner for one token that cannot be refreshed (a sign-in's new token, a pasted personal access token). */
export function fixedTokenRunner(fetch: FetchLike, instanceUrl: string, token: string, clock: Clock): RunnerContext {
  return { fetch, instanceUrl, token: async () => token, refreshAfterRejection: null, clock };
}
