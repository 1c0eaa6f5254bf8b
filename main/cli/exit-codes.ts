/**
 * `pmtoken`'s exit codes and the way errors are told on stderr: one plain
 * sentence, then the next step. Scripts switch on the code; people read the
 * words.
 */
import type { ErrorCode } from '../core';

/** Exit codes, documented in `pmtoken --help`. */
export const ExitCode = {
  ok: 0,
  /** Something went wrong, or `pmtoken request` got an HTTP status of 400 or more. */
  failure: 1,
  /** The command line was wrong: unknown command or option, missing or invalid value, unknown profile. */
  usage: 2,
  /** Not signed in, the sign-in expired or failed, or ProcessMaker refused the token. */
  signedOut: 3,
  /** ProcessMaker could not be reached or answered badly: network, certificate, time-out, server error. */
  network: 4,
  /** The OS keychain could not be used. */
  keychain: 5,
  /** Stopped with Ctrl-C. */
  interrupted: 130,
} as const;

/** One of {@link ExitCode}'s values. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

const byError: Partial<Record<ErrorCode, ExitCodeValue>> = {
  invalid_input: ExitCode.usage,
  insecure_url: ExitCode.usage,
  not_found: ExitCode.usage,
  forbidden_origin: ExitCode.usage,
  signed_out: ExitCode.signedOut,
  session_expired: ExitCode.signedOut,
  token_rejected: ExitCode.signedOut,
  bad_credentials: ExitCode.signedOut,
  client_rejected: ExitCode.signedOut,
  setup_secret_wrong: ExitCode.signedOut,
  setup_client_rejected: ExitCode.signedOut,
  redirect_mismatch: ExitCode.signedOut,
  state_mismatch: ExitCode.signedOut,
  sign_in_timeout: ExitCode.signedOut,
  sign_in_failed: ExitCode.signedOut,
  unreachable: ExitCode.network,
  tls_untrusted: ExitCode.network,
  timeout: ExitCode.network,
  throttled: ExitCode.network,
  server_error: ExitCode.network,
  not_processmaker: ExitCode.network,
  unexpected_response: ExitCode.network,
  keychain_unavailable: ExitCode.keychain,
  sign_in_cancelled: ExitCode.signedOut,
  cancelled: ExitCode.interrupted,
};

/** The exit code for a core error code. */
export function exitCodeFor(code: ErrorCode): ExitCodeValue {
  return byError[code] ?? ExitCode.failure;
}

/** The exit-code table for `--help`. */
export const exitCodeHelp = `Exit codes:
  0    done
  1    failed, or \`request\` got an HTTP status of 400 or more
  2    wrong command line: unknown command or option, missing or invalid
       value, unknown profile
  3    not signed in, sign-in expired or failed, or the token was refused
  4    ProcessMaker could not be reached (network, certificate, time-out,
       server error)
  5    the system keychain could not be used
  130  stopped with Ctrl-C
pmtoken run exits with its command's exit code instead.`;
