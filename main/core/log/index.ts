/**
 * Logging without secrets: core's logger over a LogSink, and the redaction every log line passes through.
 */
export { redactLogData } from './log-redaction';
export { createLogger, redactSecrets } from './logger';
export type { Logger } from './logger';
