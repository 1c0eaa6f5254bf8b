/**
 * The one place errors become words on stderr and an exit code: a plain
 * sentence and the next step, or with `--json` one line
 * `{"error":{"code","message","next_step"}}` carrying the app's error codes.
 */
import { TokenTrayError, type ErrorCode } from '../core';
import { printable, safeJson, shellWord } from './escape';
import { ExitCode, exitCodeFor } from './exit-codes';
import { InterruptedError, say } from './terminal';
import { UsageError } from './usage-error';

/**
 * Recognises core's errors by shape, not by class: with the split build the
 * engine (dist/cli/engine.js) carries its own copy of the TokenTrayError class.
 */
function asCoreError(err: unknown): TokenTrayError | null {
  if (err instanceof TokenTrayError) return err;
  if (err instanceof Error && err.name === 'TokenTrayError' && typeof (err as { code?: unknown }).code === 'string')
    return err as TokenTrayError;
  return null;
}

/** Next steps that name the pmtoken command to run. */
function cliNextStep(err: TokenTrayError, profileArg: string | undefined): string | undefined {
  const login = `pmtoken login${profileArg ? ` ${shellWord(profileArg)}` : ''}`;
  if (err.code === 'signed_out') return `Sign in first: ${login}`;
  if (err.code === 'session_expired') return `Sign in again: ${login}`;
  if (err.code === 'not_found' && /profile/.test(err.message)) return 'See your profiles with: pmtoken profiles';
  if (err.code === 'insecure_url')
    return 'Use the https:// address, or add --allow-insecure if you trust the network between you and this server.';
  return err.nextStep;
}

interface Told {
  code: ErrorCode;
  message: string;
  nextStep: string | undefined;
  exit: number;
}

function describe(err: unknown, command: string | null, profileArg: string | undefined): Told {
  if (err instanceof UsageError) {
    const cmd = err.command ?? command;
    const help = cmd ? `Run "pmtoken ${cmd} --help" for its options.` : 'Run "pmtoken --help" for the commands.';
    return { code: err.code, message: err.message, nextStep: err.nextStep ?? help, exit: ExitCode.usage };
  }
  if (err instanceof InterruptedError)
    return { code: 'cancelled', message: 'Stopped.', nextStep: undefined, exit: ExitCode.interrupted };
  const core = asCoreError(err);
  if (core) {
    const nextStep = cliNextStep(core, profileArg);
    return { code: core.code, message: core.message, nextStep, exit: exitCodeFor(core.code) };
  }
  if (process.env.PMTOKEN_DEBUG && err instanceof Error) say(err.stack ?? err.message);
  return {
    code: 'internal',
    message: 'Something went wrong inside pmtoken.',
    nextStep: undefined,
    exit: ExitCode.failure,
  };
}

/** Tells the error on stderr (as JSON when `json`) and returns the exit code. */
export function reportError(
  err: unknown,
  command: string | null,
  options: { profileArg?: string | undefined; json?: boolean } = {},
): number {
  const told = describe(err, command, options.profileArg);
  if (options.json) {
    say(safeJson({ error: { code: told.code, message: told.message, next_step: told.nextStep ?? null } }));
  } else {
    say(`pmtoken: ${printable(told.message)}`);
    if (told.nextStep) say(printable(told.nextStep));
  }
  return told.exit;
}
