/**
 * The logger core writes through: every line passes {@link redactSecrets}
 * before it reaches the sink, so a token pasted into an error message or a
 * URL with `code=` never lands in a log file.
 */
import type { LogSink } from '../ports';

/** What core logs with. */
export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const redacted = '[redacted]';

const secretNames =
  'client_secret|password|refresh_token|access_token|accessToken|refreshToken|clientSecret|code_verifier|code|token|auth_token|id_token';

const patterns: Array<[RegExp, string]> = [
  // JWTs (ProcessMaker access tokens and personal access tokens).
  [/\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g, redacted],
  // Passport's encrypted refresh tokens.
  [/\bdef50200[0-9a-f]{8,}/gi, redacted],
  // Authorization header values.
  [/\b(Bearer|Basic)(\s+)[^\s"',;]+/gi, `$1$2${redacted}`],
  // Form / query parameters.
  [new RegExp(`(^|[^A-Za-z0-9_])(${secretNames})=[^&\\s"',;]*`, 'g'), `$1$2=${redacted}`],
  // JSON fields.
  [new RegExp(`("(?:${secretNames})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'g'), `$1"${redacted}"`],
  // 40-character secrets (ProcessMaker client secrets) and other long random strings.
  [/\b[A-Za-z0-9]{40}\b/g, redacted],
];

/** Replaces tokens and secrets in `text` with `[redacted]`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}

const consoleSink: LogSink = {
  info: (m) => console.info(m),
  warn: (m) => console.warn(m),
  error: (m) => console.error(m),
};

/** A {@link Logger} that redacts before writing to `sink` (default: the console). */
export function createLogger(sink: LogSink = consoleSink): Logger {
  return {
    info: (m) => sink.info(redactSecrets(m)),
    warn: (m) => sink.warn(redactSecrets(m)),
    error: (m) => sink.error(redactSecrets(m)),
  };
}
