/**
 * Typed errors with stable codes. Core throws {@link TokenTrayError}, which names its sentence by a
 * key of the errors catalogue (main/i18n) with the values for it; the edge (IPC, CLI, tray) says it.
 * Sentences never contain tokens, secrets or raw bodies.
 */
import { english, englishMessages, type MessageKey } from '../../i18n';

/** Every error code core can produce. Stable: the window, the tray and pmtoken switch on these. */
export const ERROR_CODES = [
  'invalid_input',
  'insecure_url',
  'unreachable',
  'tls_untrusted',
  'timeout',
  'cancelled',
  'bad_credentials',
  'client_rejected',
  'redirect_mismatch',
  'state_mismatch',
  'sign_in_cancelled',
  'sign_in_timeout',
  'sign_in_failed',
  'session_expired',
  'signed_out',
  'token_rejected',
  'throttled',
  'server_error',
  'not_processmaker',
  'unexpected_response',
  'forbidden_origin',
  'not_found',
  'keychain_unavailable',
  'storage_full',
  'storage_read_only',
  'busy',
  'setup_invalid',
  'setup_has_credentials',
  'setup_needs_secret',
  'setup_secret_wrong',
  'setup_client_rejected',
  'server_not_allowed',
  'sign_in_kind_not_allowed',
  'managed_by_policy',
  'profiles_not_allowed',
  'internal',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The codes that mean "ProcessMaker could not be reached", as opposed to ProcessMaker answering with an error. */
export const CONNECTION_ERROR_CODES = [
  'unreachable',
  'tls_untrusted',
  'timeout',
] as const satisfies readonly ErrorCode[];

/**
 * What the window and the tray say while background renewal fails (the token itself still works
 * until it expires): "Can’t reach ProcessMaker", or that ProcessMaker did not renew it.
 */
export function renewalProblem(code: ErrorCode): ErrorSentenceKey {
  return (CONNECTION_ERROR_CODES as readonly string[]).includes(code)
    ? 'error.renewal.unreachable'
    : 'error.renewal.refused';
}

/** A key of the errors catalogue: the sentence of a code (`error.<code>`) or of a particular case. */
export type ErrorSentenceKey = Extract<MessageKey, `error.${string}`>;
/** Values for a sentence's placeholders: `{host}`, `{seconds}`, `{name}`. */
export type ErrorParams = Record<string, string | number>;
/** True when the errors catalogue has `key` (a key read back from a file may be stale). */
export const hasErrorSentence = (key: string): key is ErrorSentenceKey =>
  key.startsWith('error.') && Object.hasOwn(englishMessages, key);

/** Options for a {@link TokenTrayError}: values for the placeholders, a next step other than the sentence's own. */
export interface ErrorOptions {
  params?: ErrorParams;
  /** The next step's key; by default `<sentence key>.next` when the catalogue has one. `null`: none. */
  next?: ErrorSentenceKey | null;
  cause?: unknown;
}

/**
 * The error core throws. It carries a code, the catalogue key of its sentence and the values for
 * it; core writes no sentence of its own. `message` and `nextStep` are the English sentences (for
 * logs, pmtoken and tests); the window and the tray say `key` in the user's language.
 */
export class TokenTrayError extends Error {
  readonly code: ErrorCode;
  readonly key: ErrorSentenceKey;
  readonly nextKey: ErrorSentenceKey | undefined;
  readonly params: ErrorParams | undefined;
  readonly nextStep: string | undefined;
  constructor(code: ErrorCode, key?: ErrorSentenceKey, options: ErrorOptions = {}) {
    const sentence = key ?? (`error.${code}` as ErrorSentenceKey);
    super(english.t(sentence, options.params), { cause: options.cause });
    this.name = 'TokenTrayError';
    this.code = code;
    this.key = sentence;
    this.params = options.params;
    const next = options.next === undefined ? `${sentence}.next` : options.next;
    this.nextKey = next !== null && hasErrorSentence(next) ? next : undefined;
    this.nextStep = this.nextKey ? english.t(this.nextKey, options.params) : undefined;
  }
}

/**
 * Serializable form of an error, as it crosses IPC or reaches the CLI: the code, the catalogue keys
 * and values (the window says them in its language), and the English sentences.
 */
export interface UserError {
  code: ErrorCode;
  key: ErrorSentenceKey;
  nextKey?: ErrorSentenceKey;
  params?: ErrorParams;
  message: string;
  nextStep?: string;
}

/** The {@link UserError} of a code alone, with its own sentence and next step. */
export function userErrorOf(code: ErrorCode): UserError {
  return toUserError(new TokenTrayError(code));
}

/** Turns anything thrown into a {@link UserError}; unknown errors become `internal` without leaking details. */
export function toUserError(err: unknown): UserError {
  const e = err instanceof TokenTrayError ? err : new TokenTrayError('internal');
  return {
    code: e.code,
    key: e.key,
    ...(e.nextKey ? { nextKey: e.nextKey } : {}),
    ...(e.params ? { params: e.params } : {}),
    message: e.message,
    ...(e.nextStep ? { nextStep: e.nextStep } : {}),
  };
}

/** True when `err` is a TokenTrayError with one of `codes`. */
export function isErrorCode(err: unknown, ...codes: ErrorCode[]): err is TokenTrayError {
  return err instanceof TokenTrayError && codes.includes(err.code);
}
