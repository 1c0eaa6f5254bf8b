/**
 * Turns the many shapes of network failure (Node's undici `fetch failed` with
 * a `cause`, AggregateErrors from happy-eyeballs, Electron's `net::ERR_*`
 * messages, abort reasons) into one {@link TokenTrayError} with a stable code.
 */
import { TokenTrayError, type ErrorCode } from './errors';

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_CLOSED',
]);

const tlsCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REVOKED',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

const timeoutCodes = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

/** Collects `code`s and messages along an error's `cause` chain and AggregateError members. */
function collectFacts(err: unknown, codes: string[], messages: string[], depth = 0): void {
  if (depth > 6 || err === null || err === undefined) return;
  if (typeof err === 'string') {
    messages.push(err);
    return;
  }
  if (typeof err !== 'object') return;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string') codes.push(e.code);
  if (typeof e.message === 'string') messages.push(e.message);
  if (Array.isArray(e.errors)) for (const inner of e.errors) collectFacts(inner, codes, messages, depth + 1);
  collectFacts(e.cause, codes, messages, depth + 1);
}

function isNamed(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && (value as { name?: unknown }).name === name;
}

/**
 * Maps anything a fetch (or a body read) threw to a {@link TokenTrayError}.
 * `signal` is the signal the request ran with: when it has fired, its reason
 * tells a time-out (`TimeoutError`) from a cancel.
 */
export function toTransportError(err: unknown, signal?: AbortSignal | null): TokenTrayError {
  if (err instanceof TokenTrayError) return err;
  if (signal?.aborted) {
    return isNamed(signal.reason, 'TimeoutError')
      ? new TokenTrayError('timeout', undefined, { cause: err })
      : new TokenTrayError('cancelled', undefined, { cause: err });
  }
  if (isNamed(err, 'TimeoutError')) return new TokenTrayError('timeout', undefined, { cause: err });
  if (isNamed(err, 'AbortError')) return new TokenTrayError('cancelled', undefined, { cause: err });
  const codes: string[] = [];
  const messages: string[] = [];
  collectFacts(err, codes, messages);
  const code = classify(codes, messages);
  return new TokenTrayError(code, undefined, { cause: err });
}

function classify(codes: string[], messages: string[]): ErrorCode {
  if (codes.some((c) => tlsCodes.has(c) || c.startsWith('ERR_TLS_CERT') || c.startsWith('ERR_CERT_')))
    return 'tls_untrusted';
  if (codes.some((c) => timeoutCodes.has(c))) return 'timeout';
  if (codes.some((c) => unreachableCodes.has(c))) return 'unreachable';
  if (codes.includes('ERR_INVALID_URL')) return 'invalid_input';
  // Electron's net.fetch reports Chromium net errors in the message, e.g. `net::ERR_CONNECTION_REFUSED`.
  for (const message of messages) {
    const net = /net::(ERR_[A-Z0-9_]+)/.exec(message)?.[1];
    if (net) return classifyChromium(net);
  }
  if (messages.some((m) => /certificate|self[- ]signed/i.test(m))) return 'tls_untrusted';
  if (messages.some((m) => /Invalid URL|Failed to parse URL/i.test(m))) return 'invalid_input';
  // `fetch failed` with an unknown cause, socket hang-ups, DNS failures: all "could not reach".
  return 'unreachable';
}

function classifyChromium(net: string): ErrorCode {
  if (
    net.startsWith('ERR_CERT_') ||
    net === 'ERR_BAD_SSL_CLIENT_AUTH_CERT' ||
    net === 'ERR_SSL_PINNED_KEY_NOT_IN_CERT_CHAIN'
  )
    return 'tls_untrusted';
  if (net === 'ERR_TIMED_OUT' || net === 'ERR_CONNECTION_TIMED_OUT') return 'timeout';
  if (net === 'ERR_ABORTED') return 'cancelled';
  if (net === 'ERR_INVALID_URL') return 'invalid_input';
  return 'unreachable';
}
