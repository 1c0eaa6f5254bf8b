/**
 * `pmtoken`'s dispatcher: global options, the command, its run, and errors
 * handed to {@link reportError} (as JSON when `--json` was given).
 */
import { resolve } from 'node:path';
import { defaultConfigDir } from '../core';
import { createCliContext } from './cli-context';
import { commands } from './commands/registry';
import { ExitCode } from './exit-codes';
import { commandHelp, generalHelp } from './help';
import { parseCommandArgs, splitCommand, splitPassThrough } from './parse';
import { printable } from './escape';
import { reportError } from './report-error';
import { closestWord } from './suggest';
import { writeOut } from './terminal';
import { UsageError } from './usage-error';

/** Runs `pmtoken` with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[], version: string): Promise<number> {
  const { command, rest } = splitCommand(argv);
  const spec = command === null ? null : (commands.get(command) ?? null);
  let context: ReturnType<typeof createCliContext> | null = null;
  let profileArg: string | undefined;
  const { own, passThrough } = spec?.passThrough ? splitPassThrough(rest) : { own: rest, passThrough: null };
  // Known before parsing, so that even a bad command line is reported as JSON.
  let json = own.slice(0, own.includes('--') ? own.indexOf('--') : undefined).includes('--json');
  try {
    if (command !== null && spec === null) {
      const near = closestWord(
        command,
        [...commands.values()].filter((c) => !c.hidden).map((c) => c.name),
      );
      throw new UsageError(`Unknown command “${printable(command)}”.${near ? ` Did you mean “${near}”?` : ''}`);
    }
    const asksHelp = own.includes('--help') || own.includes('-h');
    if (spec?.passThrough && passThrough === null && !asksHelp)
      throw new UsageError(`Put -- before the command to run. Usage: pmtoken ${spec.usage}`, spec.name);
    const { values, positionals } = parseCommandArgs(spec, own);
    json = values.json === true;
    profileArg = spec?.profileArgument ? spec.profileArgument(positionals) : positionals[0];
    if (values.version === true) {
      await writeOut(`${version}\n`);
      return ExitCode.ok;
    }
    if (spec === null) {
      // `pmtoken` alone is a request for help, as with gh.
      await writeOut(generalHelp(commands.values()));
      return ExitCode.ok;
    }
    if (values.help === true) {
      await writeOut(commandHelp(spec));
      return ExitCode.ok;
    }
    const dirOption = typeof values['config-dir'] === 'string' ? values['config-dir'].trim() : '';
    const configDir = resolve(dirOption || defaultConfigDir());
    context = createCliContext({
      command: spec.name,
      positionals,
      values,
      passThrough: passThrough ?? [],
      configDir,
      env: process.env,
    });
    return await spec.run(context);
  } catch (err) {
    return reportError(err, spec?.name ?? null, { profileArg, json });
  } finally {
    await context?.dispose().catch(() => undefined);
  }
}
