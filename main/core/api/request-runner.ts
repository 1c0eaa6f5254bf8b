/**
 * Runs one console / `pmtoken request` call against the profile's instance:
 * adds the Bearer token, refuses other origins, follows same-origin redirects
 * itself (never one that leaves the origin, so the token stays home), refreshes
 * once and retries once on a 401, and reads the answer with a display cap.
 */
import type { ApiRequest, ApiResponse } from '../model';
import type { Clock, FetchLike } from '../ports';
import { isSameOrigin, resolveApiUrl } from './api-url';
import { readBodyCapped } from './body-reader';
import { clearableDeadline, defaultTimeoutMs, isJsonContentType, toTransportError } from './http';
import { checkJsonBody, checkUserHeaders, hasHeader } from './request-headers';

/** What the runner needs from the engine. */
export interface RunnerContext {
  /** Raw (or guarded) fetch; the runner applies the request's time limit and maps transport failures itself. */
  fetch: FetchLike;
  instanceUrl: string;
  /** A fresh access token for the profile. */
  token(): Promise<string>;
  /** Refreshes after ProcessMaker rejected `rejectedToken`; null when the profile cannot refresh (PAT). */
  refreshAfterRejection: ((rejectedToken: string) => Promise<string>) | null;
  clock: Clock;
}

/** Most bytes of a body kept as text for display. */
export const displayCapBytes = 1024 * 1024;
/** Past this size the runner stops reading (and counting) a body. */
export const hardLimitBytes = 50 * 1024 * 1024;
/** Most same-origin redirects followed. */
export const maxRedirects = 5;

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

interface Attempt {
  response: Response;
  url: string;
}

/**
 * Sends `request` and returns the answer. HTTP error statuses are answers, not
 * errors; transport failures, bad input and other origins throw TokenTrayError
 * (`unreachable`, `timeout`, `cancelled`, `invalid_input`, `forbidden_origin`, ...).
 */
export async function runApiRequest(
  ctx: RunnerContext,
  request: ApiRequest,
  signal?: AbortSignal,
): Promise<ApiResponse> {
  const method = request.method.toUpperCase();
  const url = resolveApiUrl(ctx.instanceUrl, request.path, request.query);
  const body = checkJsonBody(method, request.body);
  const userHeaders = checkUserHeaders(request.headers);
  const ownAuthorization = hasHeader(userHeaders, 'authorization');
  const timeoutMs = request.timeoutMs ?? defaultTimeoutMs;
  if (signal?.aborted) throw toTransportError(signal.reason, signal);
  // One deadline for the whole exchange (redirects, the retry, the body), mapped like guardedFetch.
  const timer = clearableDeadline(timeoutMs, signal);
  try {
    return await exchange(ctx, request, { method, url, body, userHeaders, ownAuthorization }, timer.signal);
  } finally {
    timer.clear();
  }
}

/** The checked parts of a request. */
interface Prepared {
  method: string;
  url: URL;
  body: string | undefined;
  userHeaders: ReturnType<typeof checkUserHeaders>;
  ownAuthorization: boolean;
}

async function exchange(
  ctx: RunnerContext,
  request: ApiRequest,
  { method, url, body, userHeaders, ownAuthorization }: Prepared,
  deadline: AbortSignal,
): Promise<ApiResponse> {
  const started = ctx.clock.now();

  const send = (token: string): Promise<Attempt> => {
    const headers = new Headers();
    if (!ownAuthorization) headers.set('Authorization', `Bearer ${token}`);
    headers.set('Accept', 'application/json');
    if (body !== undefined) headers.set('Content-Type', 'application/json');
    for (const [name, value] of userHeaders) headers.set(name, value);
    return followRedirects(ctx.fetch, ctx.instanceUrl, url.href, { method, headers, body, signal: deadline });
  };

  let token = ownAuthorization ? '' : await ctx.token();
  let attempt = await send(token);
  let retried = false;
  if (attempt.response.status === 401 && !ownAuthorization && ctx.refreshAfterRejection) {
    await attempt.response.body?.cancel().catch(() => undefined);
    token = await ctx.refreshAfterRejection(token);
    attempt = await send(token);
    retried = true;
  }

  const { response } = attempt;
  const read =
    method === 'HEAD'
      ? { text: '', sizeBytes: 0, truncated: false, complete: true }
      : await readBodyCapped(response, {
          displayBytes: Math.min(Math.max(request.maxTextBytes ?? displayCapBytes, 0), hardLimitBytes),
          hardLimitBytes,
          signal: deadline,
        });
  const declared = Number(response.headers.get('content-length'));
  const sizeBytes =
    !read.complete && Number.isFinite(declared) && declared > read.sizeBytes ? declared : read.sizeBytes;
  return {
    status: response.status,
    statusText: response.statusText,
    url: attempt.url,
    headers: headerPairs(response.headers),
    durationMs: Math.max(0, ctx.clock.now() - started),
    sizeBytes,
    json: parseJson(response.headers.get('content-type'), read.text, read.truncated),
    text: read.text,
    truncated: read.truncated,
    retriedAfterRefresh: retried,
  };
}

/** Sends with `redirect: 'manual'` and follows up to {@link maxRedirects} same-origin redirects. */
async function followRedirects(
  fetch: FetchLike,
  instanceUrl: string,
  startUrl: string,
  init: { method: string; headers: Headers; body: string | undefined; signal: AbortSignal },
): Promise<Attempt> {
  let url = startUrl;
  let { method, body } = init;
  // The caller's headers are used as they are; copied only when a redirect has to change them.
  let headers = init.headers;
  for (let hop = 0; ; hop += 1) {
    let response: Response;
    try {
      response = await fetch(url, { method, headers, body, signal: init.signal, redirect: 'manual' });
    } catch (err) {
      throw toTransportError(err, init.signal);
    }
    const location = response.headers.get('location');
    if (!redirectStatuses.has(response.status) || !location || hop >= maxRedirects) return { response, url };
    let next: URL;
    try {
      next = new URL(location, url);
    } catch {
      return { response, url };
    }
    // Another origin: hand the redirect back as the answer; the token never goes there.
    if (!isSameOrigin(instanceUrl, next)) return { response, url };
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = method === 'HEAD' ? 'HEAD' : 'GET';
      body = undefined;
      headers = new Headers(headers);
      headers.delete('content-type');
    }
    url = next.href;
  }
}

function headerPairs(headers: Headers): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  headers.forEach((value, name) => pairs.push([name, value]));
  return pairs;
}

function parseJson(contentType: string | null, text: string, truncated: boolean): unknown {
  if (truncated) return null;
  // No trim(): JSON.parse allows surrounding white space, and a copy of a large body costs time.
  if (!/\S/.test(text)) return null;
  const looksJson = isJsonContentType(contentType) || (contentType === null && /^\s*[[{]/.test(text));
  if (!looksJson) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
