/**
 * Typed errors with stable codes. Core throws {@link TokenTrayError}; the edge
 * (IPC, CLI, tray) shows `message` (one plain sentence) and, where there is
 * one, `nextStep`. Messages never contain tokens, secrets or raw bodies.
 */

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
  'server_not_allowed',
  'sign_in_kind_not_allowed',
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
export function renewalProblem(code: ErrorCode): string {
  return (CONNECTION_ERROR_CODES as readonly string[]).includes(code)
    ? 'Can’t reach ProcessMaker'
    : 'ProcessMaker did not renew the token';
}

/** Default plain sentence and next step for each code. */
export const errorText: Record<ErrorCode, { message: string; nextStep?: string }> = {
  invalid_input: { message: 'Some of the details entered are not valid.' },
  insecure_url: {
    message: 'This address does not use a secure connection (https).',
    nextStep: 'Use the https address, or confirm that you trust this network.',
  },
  unreachable: {
    message: 'Token Tray could not reach the ProcessMaker server.',
    nextStep: 'Check the address and your internet connection, then try again.',
  },
  tls_untrusted: {
    message: "The server's security certificate is not trusted by this computer.",
    nextStep: 'Ask your IT team to check the certificate of the ProcessMaker server.',
  },
  timeout: { message: 'The ProcessMaker server took too long to answer.', nextStep: 'Try again in a moment.' },
  cancelled: { message: 'The request was cancelled.' },
  bad_credentials: {
    message: 'The username or password is not correct.',
    nextStep: 'Check them and try again. The username is not your email address.',
  },
  client_rejected: {
    message: 'ProcessMaker did not accept this app’s client ID or client secret.',
    nextStep: 'Ask your ProcessMaker administrator to check the Auth Client’s ID, secret and allowed sign-in types.',
  },
  redirect_mismatch: {
    message: 'ProcessMaker does not allow Token Tray’s return address for this client.',
    nextStep:
      'Ask your ProcessMaker administrator to add pmtokentray://oauth/callback and http://127.0.0.1/oauth/callback to the Auth Client’s Redirect URL.',
  },
  state_mismatch: {
    message: 'That sign-in link does not belong to a sign-in started here.',
    nextStep: 'Start the sign-in again from Token Tray.',
  },
  sign_in_cancelled: { message: 'Sign-in was cancelled.' },
  sign_in_timeout: {
    message: 'Sign-in took too long and was stopped.',
    nextStep: 'Start the sign-in again when you are ready.',
  },
  sign_in_failed: {
    message: 'ProcessMaker did not accept this sign-in.',
    nextStep: 'Start the sign-in again from Token Tray.',
  },
  session_expired: {
    message: 'Your sign-in has expired.',
    nextStep: 'Sign in again to keep getting tokens.',
  },
  signed_out: { message: 'This profile is signed out.', nextStep: 'Sign in first.' },
  token_rejected: {
    message: 'ProcessMaker did not accept this token.',
    nextStep: 'Check that you copied the whole token and that it has not been revoked.',
  },
  throttled: {
    message: 'ProcessMaker is receiving too many requests right now.',
    nextStep: 'Wait a minute and try again.',
  },
  server_error: {
    message: 'The ProcessMaker server had a problem answering.',
    nextStep: 'Try again in a moment. If it keeps happening, tell your ProcessMaker administrator.',
  },
  not_processmaker: {
    message: 'This address does not look like a ProcessMaker server.',
    nextStep: 'Check the address you use to open ProcessMaker in your browser.',
  },
  unexpected_response: {
    message: 'The server sent an answer Token Tray did not understand.',
    nextStep: 'Check the address; it may point to a page that is not ProcessMaker.',
  },
  forbidden_origin: {
    message: 'Token Tray only sends your token to your ProcessMaker server.',
    nextStep: 'Use a path on this profile’s ProcessMaker address.',
  },
  not_found: { message: 'That profile or item no longer exists.' },
  keychain_unavailable: {
    message: 'Token Tray could not open this computer’s secure password storage.',
    nextStep: 'Unlock your keychain or log in to your desktop session again, then retry.',
  },
  storage_full: {
    message: 'The disk that holds Token Tray’s settings is full, so nothing was changed.',
    nextStep: 'Free some space on this computer’s disk, then try again.',
  },
  storage_read_only: {
    message: 'Token Tray cannot save to its settings folder (it is read-only), so nothing was changed.',
    nextStep: 'Check that the settings folder can be written to, then try again.',
  },
  busy: { message: 'Another sign-in is already waiting for this profile.' },
  setup_invalid: {
    message: 'This setup link or file cannot be used.',
    nextStep: 'Ask whoever sent it (usually your IT team) for a new one.',
  },
  setup_has_credentials: {
    message: 'This setup link or file contains someone’s sign-in (a password or token), so Token Tray will not use it.',
    nextStep: 'Delete it, and ask your IT team for a setup without sign-in details: you sign in yourself.',
  },
  sign_in_kind_not_allowed: {
    message: 'Your organisation does not allow this way of signing in.',
    nextStep: 'Choose another way to sign in, or ask your IT team which one to use.',
  },
  server_not_allowed: {
    message: 'Your organisation does not allow Token Tray to connect to this server.',
    nextStep: 'Check the address with your IT team.',
  },
  internal: {
    message: 'Something went wrong inside Token Tray.',
    nextStep: 'Try again. If it keeps happening, restart the app.',
  },
};

/** The error core throws. `message` is already a plain sentence for people. */
export class TokenTrayError extends Error {
  readonly code: ErrorCode;
  readonly nextStep: string | undefined;
  constructor(code: ErrorCode, message?: string, options?: { nextStep?: string; cause?: unknown }) {
    super(message ?? errorText[code].message, { cause: options?.cause });
    this.name = 'TokenTrayError';
    this.code = code;
    this.nextStep = options?.nextStep ?? (message === undefined ? errorText[code].nextStep : undefined);
  }
}

/** Serializable form of an error, as it crosses IPC or reaches the CLI. */
export interface UserError {
  code: ErrorCode;
  message: string;
  nextStep?: string;
}

/** Turns anything thrown into a {@link UserError}; unknown errors become `internal` without leaking details. */
export function toUserError(err: unknown): UserError {
  if (err instanceof TokenTrayError) {
    return err.nextStep
      ? { code: err.code, message: err.message, nextStep: err.nextStep }
      : { code: err.code, message: err.message };
  }
  const { message, nextStep } = errorText.internal;
  return { code: 'internal', message, ...(nextStep ? { nextStep } : {}) };
}

/** True when `err` is a TokenTrayError with one of `codes`. */
export function isErrorCode(err: unknown, ...codes: ErrorCode[]): err is TokenTrayError {
  return err instanceof TokenTrayError && codes.includes(err.code);
}
