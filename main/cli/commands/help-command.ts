/** `pmtoken help [command]`: the same text as `pmtoken [command] --help`. */
import { ExitCode } from '../exit-codes';
import { printable } from '../escape';
import { commandHelp, generalHelp } from '../help';
import { writeOut } from '../terminal';
import { UsageError } from '../usage-error';
import type { CommandSpec } from './command';

/** Builds `pmtoken help`; `commands` is read when it runs (the registry holds this command too). */
export function helpCommand(commands: () => ReadonlyMap<string, CommandSpec>): CommandSpec {
  return {
    name: 'help',
    summary: 'Show the help of pmtoken or of one command',
    usage: 'help [<command>]',
    details: 'The same as pmtoken --help, or pmtoken <command> --help.',
    options: {},
    completeArg: (index) =>
      index === 0 ? { words: [...commands().values()].filter((c) => !c.hidden).map((c) => c.name) } : {},
    positionals: [0, 1],
    async run(ctx) {
      const name = ctx.positionals[0];
      if (name === undefined) {
        await writeOut(generalHelp(commands().values()));
        return ExitCode.ok;
      }
      const spec = commands().get(name);
      if (!spec || spec.hidden)
        throw new UsageError(`Unknown command “${printable(name)}”.`, 'help', {
          nextStep: 'Run "pmtoken help" for the commands.',
        });
      await writeOut(commandHelp(spec));
      return ExitCode.ok;
    },
  };
}
