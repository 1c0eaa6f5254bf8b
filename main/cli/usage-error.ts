/**
 * A mistake on the command line: told in one sentence with a pointer to the
 * right `--help`, and exit code 2.
 */
export class UsageError extends Error {
  readonly command: string | null;
  constructor(message: string, command: string | null = null) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}
