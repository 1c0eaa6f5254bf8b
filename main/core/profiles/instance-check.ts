/**
 * Checks an address typed during setup: normalised, reachable, and answering
 * like ProcessMaker (its API says 401 `{"error":"Unauthenticated."}` in JSON
 * to a call without a token).
 */
import type { InstanceCheck } from '../model';
import { CONNECTION_ERROR_CODES, TokenTrayError, toUserError, type ErrorSentenceKey } from '../errors';
import { ADDRESS_ERRORS, normaliseInstanceUrl } from './instance-url';
import type { FetchLike } from '../ports';

/**
 * Every sentence the check can answer with: the address's own, plain http, the organisation's
 * policy, not ProcessMaker, and each way of not reaching it. The window's language tests show each
 * one on the first screen in every language.
 */
export const INSTANCE_CHECK_ERRORS = [
  ...ADDRESS_ERRORS,
  'error.insecure_url',
  'error.server_not_allowed',
  'error.address.not_processmaker',
  ...CONNECTION_ERROR_CODES.map((code) => `error.${code}` as const),
] as const satisfies readonly ErrorSentenceKey[];

/** Options for {@link checkInstance}. */
export interface InstanceCheckOptions {
  allowInsecure?: boolean;
  /** The organisation's `AllowedServers` policy, when it has one: a server it does not list is not asked at all. */
  isServerAllowed?: (instanceUrl: string) => boolean;
}

/** Checks `typed`; never throws for a bad address, it reports it in `error`. */
export async function checkInstance(
  fetch: FetchLike,
  typed: string,
  options?: InstanceCheckOptions,
): Promise<InstanceCheck> {
  let url: string;
  try {
    url = normaliseInstanceUrl(typed, { allowInsecure: options?.allowInsecure ?? false });
  } catch (err) {
    return { url: typed.trim(), reachable: false, looksLikeProcessMaker: false, error: toUserError(err) };
  }
  if (options?.isServerAllowed && !options.isServerAllowed(url)) {
    // Said at the first step, before anything is typed on the next ones, and without contacting the server.
    const error = toUserError(new TokenTrayError('server_not_allowed'));
    return { url, reachable: false, looksLikeProcessMaker: false, error };
  }
  try {
    const response = await fetch(`${url}/api/1.0/users/configuration`, {
      headers: { Accept: 'application/json' },
      redirect: 'manual',
    });
    let body: unknown = null;
    const type = response.headers.get('content-type') ?? '';
    if (/json/i.test(type)) body = await response.json().catch(() => null);
    else await response.body?.cancel().catch(() => undefined);
    const error = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).error : undefined;
    const looksLikeProcessMaker = response.status === 401 && error === 'Unauthenticated.';
    if (looksLikeProcessMaker) return { url, reachable: true, looksLikeProcessMaker };
    return {
      url,
      reachable: true,
      looksLikeProcessMaker,
      error: toUserError(new TokenTrayError('not_processmaker', 'error.address.not_processmaker')),
    };
  } catch (err) {
    return { url, reachable: false, looksLikeProcessMaker: false, error: toUserError(err) };
  }
}
