/**
 * The transport guard every request in core goes through: it turns the many
 * shapes of network failure (Node's undici, Electron's `net.fetch`) into a
 * {@link TokenTrayError} with a stable code, adds a time limit, and reads JSON
 * answers defensively (HTML login pages, huge bodies).
 */
import { TokenTrayError } from '../errors';
import type { FetchLike } from '../ports';
import { readBodyCapped } from './body-reader';
import { toTransportError } from '../errors';
import { isLoopbackHost } from '../profiles';

export { toTransportError };

/** Default time limit for one request, in milliseconds. */
export const defaultTimeoutMs = 30_000;

/** Default size limit for JSON answers core reads itself (token, user, OpenAPI). */
export const defaultJsonMaxBytes = 10 * 1024 * 1024;

/** Combines the caller's signal (if any) with a time limit. */
export function withDeadline(timeoutMs: number, signal?: AbortSignal | null): AbortSignal {
  const deadline = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, deadline]) : deadline;
}

/**
 * Like {@link withDeadline}, for work with a clear end: `clear()` drops the
 * timer at once, instead of leaving a 30 s timer behind for every request.
 * A cancel by the caller's signal passes its reason on (so it stays a cancel).
 */
export function clearableDeadline(
  timeoutMs: number,
  signal?: AbortSignal | null,
): { signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')),
    timeoutMs,
  );
  timer.unref?.();
  const onAbort = (): void => controller.abort(signal?.reason);
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    clear() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}

/**
 * Wraps `fetch` so that every transport failure throws a {@link TokenTrayError}:
 * `unreachable`, `tls_untrusted`, `timeout` (default 30 s, also covering the
 * body read), `cancelled` (the caller's `init.signal` fired). HTTP statuses are
 * not errors here; callers look at `response.status`.
 */
export function guardedFetch(fetch: FetchLike, options?: { timeoutMs?: number }): FetchLike {
  const timeoutMs = options?.timeoutMs ?? defaultTimeoutMs;
  return async (input, init) => {
    const callerSignal = init?.signal ?? null;
    if (callerSignal?.aborted) throw toTransportError(callerSignal.reason, callerSignal);
    const signal = withDeadline(timeoutMs, callerSignal);
    try {
      return await fetch(input, { ...init, signal });
    } catch (err) {
      throw withPlainHttpHint(toTransportError(err, signal), input);
    }
  };
}

/**
 * An https address on this computer that cannot be reached is often a local server that speaks
 * plain http (an address typed without a scheme becomes https): say so in the next step.
 */
function withPlainHttpHint(err: TokenTrayError, input: string): TokenTrayError {
  if (err.code !== 'unreachable') return err;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return err;
  }
  if (url.protocol !== 'https:' || !isLoopbackHost(url.hostname)) return err;
  return new TokenTrayError('unreachable', err.key, {
    params: { ...err.params, host: url.host },
    next: 'error.unreachable.plain_http.next',
    cause: err.cause,
  });
}

/** True when a Content-Type names JSON (`application/json`, `application/problem+json`, ...). */
export function isJsonContentType(contentType: string | null): boolean {
  return contentType !== null && /^[^;]*[/+]json\s*(;|$)/i.test(contentType.trim());
}

/**
 * Reads a response body that must be JSON. Throws `unexpected_response` for
 * HTML (a login page, a proxy's error page), other non-JSON text, or a body
 * over `maxBytes` (default 10 MB). Transport failures while reading become
 * `timeout`/`cancelled`/`unreachable` as in {@link guardedFetch}.
 */
export async function readJsonBody(
  response: Response,
  options?: { maxBytes?: number; signal?: AbortSignal },
): Promise<unknown> {
  const maxBytes = options?.maxBytes ?? defaultJsonMaxBytes;
  const contentType = response.headers.get('content-type');
  if (contentType !== null && /html/i.test(contentType)) {
    await response.body?.cancel().catch(() => undefined);
    throw new TokenTrayError('unexpected_response');
  }
  const body = await readBodyCapped(response, {
    displayBytes: maxBytes,
    hardLimitBytes: maxBytes,
    signal: options?.signal,
  });
  if (body.sizeBytes > maxBytes) {
    throw new TokenTrayError('unexpected_response', 'error.answer.too_large');
  }
  const text = body.text.trim();
  if (text.startsWith('<')) throw new TokenTrayError('unexpected_response');
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new TokenTrayError('unexpected_response', undefined, { cause: err });
  }
}

/** The error code a failing HTTP status means, for calls core makes itself. */
export function errorForStatus(status: number): TokenTrayError {
  if (status === 401) return new TokenTrayError('token_rejected');
  if (status === 404) return new TokenTrayError('not_processmaker');
  if (status === 429) return new TokenTrayError('throttled');
  if (status >= 500) return new TokenTrayError('server_error');
  return new TokenTrayError('unexpected_response');
}
