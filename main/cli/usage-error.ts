/**
 * A mistake on the command line: told in one sentence with a pointer to the
 * right `--help` (or another next step), and exit code 2.
 */
import type { ErrorCode } from '../core';

/** Extra details of a {@link UsageError}. */
export interface UsageErrorOptions {
  /** The app's error code for `--json` errors (default `invalid_input`). */
  code?: ErrorCode;
  /** Replaces the pointer to `--help`. */
  nextStep?: string;
}

export class UsageError extends Error {
  readonly command: string | null;
  readonly code: ErrorCode;
  readonly nextStep: string | undefined;
  constructor(message: string, command: string | null = null, options: UsageErrorOptions = {}) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
    this.code = options.code ?? 'invalid_input';
    this.nextStep = options.nextStep;
  }
}
