/**
 * `pmtoken`'s dispatcher: global options, the command, its run, and the one
 * place errors become plain sentences on stderr and an exit code.
 */
import { resolve } from 'node:path';
import { defaultConfigDir } from '../core';
import { TokenTrayError } from '../core';
import { createCliContext } from './cli-context';
import { commands } from './commands/registry';
import { ExitCode, exitCodeFor } from './exit-codes';
import { commandHelp, generalHelp } from './help';
import { parseCommandArgs, splitCommand } from './parse';
import { InterruptedError, say, writeOut } from './terminal';
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
  const login = `pmtoken login${profileArg ? ` ${profileArg}` : ''}`;
  if (err.code === 'signed_out') return `Sign in first: ${login}`;
  if (err.code === 'session_expired') return `Sign in again: ${login}`;
  if (err.code === 'not_found' && /profile/.test(err.message)) return 'See your profiles with: pmtoken profiles';
  if (err.code === 'insecure_url')
    return 'Use the https:// address, or add --allow-insecure if you trust the network between you and this server.';
  return err.nextStep;
}

/** Tells the error on stderr and returns the exit code. */
export function reportError(err: unknown, command: string | null, profileArg?: string): number {
  if (err instanceof UsageError) {
    const cmd = err.command ?? command;
    say(`pmtoken: ${err.message}`);
    say(cmd ? `Run "pmtoken ${cmd} --help" for its options.` : 'Run "pmtoken --help" for the commands.');
    return ExitCode.usage;
  }
  if (err instanceof InterruptedError) {
    say('pmtoken: Stopped.');
    return ExitCode.interrupted;
  }
  const core = asCoreError(err);
  if (core) {
    say(`pmtoken: ${core.message}`);
    const next = cliNextStep(core, profileArg);
    if (next) say(next);
    return exitCodeFor(core.code);
  }
  say('pmtoken: Something went wrong inside pmtoken.');
  if (process.env.PMTOKEN_DEBUG && err instanceof Error) say(err.stack ?? err.message);
  return ExitCode.failure;
}

/** Runs `pmtoken` with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[], version: string): Promise<number> {
  const { command, rest } = splitCommand(argv);
  const spec = command === null ? null : (commands.get(command) ?? null);
  let context: ReturnType<typeof createCliContext> | null = null;
  let profileArg: string | undefined;
  try {
    if (command !== null && spec === null) throw new UsageError(`Unknown command “${command}”.`);
    const { values, positionals } = parseCommandArgs(spec, rest);
    profileArg = spec?.name === 'request' ? (positionals.length === 3 ? positionals[0] : undefined) : positionals[0];
    if (values.version === true) {
      await writeOut(`${version}\n`);
      return ExitCode.ok;
    }
    if (spec === null) {
      if (values.help === true) {
        await writeOut(generalHelp(commands.values()));
        return ExitCode.ok;
      }
      say(generalHelp(commands.values()));
      return ExitCode.usage;
    }
    if (values.help === true) {
      await writeOut(commandHelp(spec));
      return ExitCode.ok;
    }
    const dirOption = typeof values['config-dir'] === 'string' ? values['config-dir'].trim() : '';
    const configDir = resolve(dirOption || defaultConfigDir());
    context = createCliContext({ command: spec.name, positionals, values, configDir, env: process.env });
    return await spec.run(context);
  } catch (err) {
    return reportError(err, spec?.name ?? null, profileArg);
  } finally {
    await context?.dispose().catch(() => undefined);
  }
}
