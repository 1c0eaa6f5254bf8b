/**
 * The one mapping from what ProcessMaker's OAuth side says went wrong to a
 * {@link TokenTrayError}: error bodies of the token endpoint (as oauth4webapi
 * reports them) and `error=` callbacks of the browser sign-in. ProcessMaker's
 * shapes: bad password 400 `invalid_grant` (PM 4.0-4.1: 401
 * `invalid_credentials`), bad client 401 `invalid_client`, dead refresh token
 * 401 `invalid_request`, 429 throttle with `Retry-After`.
 */
import * as oauth from 'oauth4webapi';
import { TokenTrayError } from '../errors';

/** Which token request failed: the meaning of `invalid_grant` and `invalid_request` depends on it. */
export type TokenRequestKind = 'password' | 'authorization_code' | 'refresh_token';

/** Where an OAuth error came from: a token request, or the browser's return to Token Tray. */
type ErrorSource = TokenRequestKind | 'callback';

interface Facts {
  status: number | null;
  error: string | null;
  text: string;
  response: Response | null;
}

/** The longest wait honoured from a `Retry-After` (a hostile server must not lock a profile for days). */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

const clientErrors = new Set([
  'invalid_client',
  'unauthorized_client',
  'unsupported_grant_type',
  'unsupported_response_type',
]);

const describe = (body: Record<string, unknown>): string =>
  [body.error_description, body.hint, body.message].filter((x) => typeof x === 'string').join(' ');

async function factsOf(err: unknown): Promise<Facts | null> {
  if (err instanceof oauth.ResponseBodyError) {
    return { status: err.status, error: err.error, text: describe(err.cause), response: err.response };
  }
  if (err instanceof oauth.WWWAuthenticateChallengeError) {
    // A 401 with WWW-Authenticate (client auth by header); the body still says which error.
    let error: string | null = null;
    let text = '';
    try {
      const body = (await err.response.clone().json()) as Record<string, unknown>;
      if (typeof body.error === 'string') error = body.error;
      text = describe(body);
    } catch {
      error = err.cause[0]?.parameters.error ?? null;
    }
    return { status: err.status, error, text, response: err.response };
  }
  if (err instanceof oauth.OperationProcessingError) {
    const cause: unknown = err.cause;
    const response = cause instanceof Response ? cause : null;
    return { status: response?.status ?? null, error: null, text: '', response };
  }
  return null;
}

/**
 * Milliseconds a `Retry-After` header asks for (seconds or an HTTP date), capped at
 * {@link MAX_RETRY_AFTER_MS}; null when absent or unreadable.
 */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null || header.trim() === '') return null;
  const value = header.trim();
  let ms: number;
  if (/^\d+$/.test(value)) ms = Number(value) * 1000;
  else {
    const at = Date.parse(value);
    if (Number.isNaN(at)) return null;
    ms = at - now;
  }
  return Math.min(Math.max(ms, 0), MAX_RETRY_AFTER_MS);
}

/** The wait (ms) each {@link waitError} stands for. */
const waits = new WeakMap<TokenTrayError, number>();

/** "ProcessMaker asked us to wait N seconds." as a `throttled` error. */
export function waitError(ms: number, cause?: unknown): TokenTrayError {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  const err = new TokenTrayError('throttled', 'error.throttled.wait', { params: { seconds }, cause });
  waits.set(err, ms);
  return err;
}

/** How long ProcessMaker asked us to wait (ms), when `err` is a {@link waitError}; else null. */
export function requestedWaitMs(err: unknown): number | null {
  return err instanceof TokenTrayError ? (waits.get(err) ?? null) : null;
}

/** The one table: an OAuth error (with the HTTP status and description, when known) as a TokenTrayError. */
function fromFacts(facts: Facts, source: ErrorSource, now: number, cause: unknown): TokenTrayError {
  const { status, error, text } = facts;
  const withCause = { cause };
  if (status === 429) {
    const wait = retryAfterMs(facts.response?.headers.get('retry-after') ?? null, now);
    return wait === null ? new TokenTrayError('throttled', undefined, withCause) : waitError(wait, cause);
  }
  if ((status !== null && status >= 500) || error === 'server_error' || error === 'temporarily_unavailable') {
    return new TokenTrayError('server_error', undefined, withCause);
  }
  if (source === 'callback') {
    if (error === 'access_denied') return new TokenTrayError('sign_in_cancelled');
    if (error === 'missing_code') return new TokenTrayError('sign_in_failed', 'error.callback.no_code');
    if (/redirect/i.test(text)) return new TokenTrayError('redirect_mismatch');
  }
  if (error !== null && clientErrors.has(error)) return new TokenTrayError('client_rejected', undefined, withCause);
  if (error === 'invalid_scope') {
    return new TokenTrayError('invalid_input', 'error.scope.refused', {
      cause,
    });
  }
  const grantRefused = error === 'invalid_request' || error === 'invalid_grant';
  if (source === 'password' && (error === 'invalid_grant' || error === 'invalid_credentials')) {
    return new TokenTrayError('bad_credentials', undefined, withCause);
  }
  if (source === 'refresh_token' && grantRefused) return new TokenTrayError('session_expired', undefined, withCause);
  if (source === 'authorization_code' && grantRefused) {
    if (/redirect/i.test(text)) return new TokenTrayError('redirect_mismatch', undefined, withCause);
    return new TokenTrayError('sign_in_failed', undefined, withCause);
  }
  if (source === 'callback') return new TokenTrayError('sign_in_failed');
  if (error === 'invalid_request') {
    return new TokenTrayError('invalid_input', 'error.sign_in.details_missing', withCause);
  }
  if (status === 404) return new TokenTrayError('not_processmaker', undefined, withCause);
  return new TokenTrayError('unexpected_response', undefined, withCause);
}

/** Turns an `error=` callback of the browser sign-in into a plain error. */
export function callbackError(error: string, description?: string): TokenTrayError {
  return fromFacts({ status: null, error, text: description ?? '', response: null }, 'callback', Date.now(), null);
}

/** The error for a token response whose `token_type` is not Bearer. */
export function tokenTypeError(cause?: unknown): TokenTrayError {
  return new TokenTrayError('unexpected_response', 'error.token.not_bearer', {
    cause,
  });
}

/** Converts a failed token request into a TokenTrayError (transport errors pass through). */
export async function tokenRequestError(
  err: unknown,
  kind: TokenRequestKind,
  now = Date.now(),
): Promise<TokenTrayError> {
  if (err instanceof TokenTrayError) return err;
  if (err instanceof oauth.UnsupportedOperationError && /token_type/.test(err.message)) return tokenTypeError(err);
  const facts = await factsOf(err);
  if (!facts) return new TokenTrayError('internal', undefined, { cause: err });
  return fromFacts(facts, kind, now, err);
}
