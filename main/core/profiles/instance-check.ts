/**
 * Checks an address typed during setup: normalised, reachable, and answering
 * like ProcessMaker (its API says 401 `{"error":"Unauthenticated."}` in JSON
 * to a call without a token).
 */
import type { InstanceCheck } from '../model';
import { toUserError } from '../errors';
import { isLoopbackHost, normaliseInstanceUrl } from './instance-url';
import type { FetchLike } from '../ports';

/** Checks `typed`; never throws for a bad address, it reports it in `problem`. */
export async function checkInstance(
  fetch: FetchLike,
  typed: string,
  options?: { allowInsecure?: boolean },
): Promise<InstanceCheck> {
  let url: string;
  try {
    url = normaliseInstanceUrl(typed, { allowInsecure: options?.allowInsecure ?? false });
  } catch (err) {
    return { url: typed.trim(), reachable: false, looksLikeProcessMaker: false, problem: toUserError(err).message };
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
      problem:
        'This address answers, but it does not look like a ProcessMaker server. Check the address you use to open ProcessMaker in your browser.',
    };
  } catch (err) {
    const { code, message, nextStep } = toUserError(err);
    // A local address that cannot be reached may speak plain http: the next step says so.
    const local = url.startsWith('https://') && isLoopbackHost(new URL(url).hostname);
    const hint = code === 'unreachable' && local && nextStep ? ` ${nextStep}` : '';
    return { url, reachable: false, looksLikeProcessMaker: false, problem: `${message}${hint}` };
  }
}
