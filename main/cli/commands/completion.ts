/** `pmtoken completion <shell>` and the hidden `pmtoken __complete` its scripts call. */
import { resolve } from 'node:path';
import { createCliContext, stringOption } from '../cli-context';
import { complete } from '../complete';
import { completionScripts, completionShells } from '../completion-scripts';
import { ExitCode } from '../exit-codes';
import { writeOut } from '../terminal';
import { UsageError } from '../usage-error';
import type { CommandSpec } from './command';

/** `pmtoken completion bash|zsh|fish|powershell` */
export const completionCommand: CommandSpec = {
  name: 'completion',
  summary: 'Print the shell completion script (bash, zsh, fish or powershell)',
  usage: 'completion bash|zsh|fish|powershell',
  details: `Completes commands, options and profile names. To load it in every new
shell, add a line to your shell's start-up file:

bash, in ~/.bashrc:
  source <(pmtoken completion bash)
zsh, in ~/.zshrc (after compinit):
  source <(pmtoken completion zsh)
fish (a file of its own):
  pmtoken completion fish > ~/.config/fish/completions/pmtoken.fish
PowerShell, in $PROFILE:
  pmtoken completion powershell | Out-String | Invoke-Expression`,
  options: {},
  completeArg: (index) => (index === 0 ? { words: completionShells } : {}),
  positionals: [1, 1],
  async run(ctx) {
    const shell = ctx.positionals[0] ?? '';
    const script = (completionScripts as Record<string, string>)[shell];
    if (script === undefined)
      throw new UsageError(
        `pmtoken completes bash, zsh, fish and powershell (not “${shell.slice(0, 40)}”).`,
        'completion',
      );
    await writeOut(script);
    return ExitCode.ok;
  },
};

/** `pmtoken __complete --current=WORD -- WORDS…`: the candidates, one a line (for the scripts above). */
export function completeCommand(commands: () => ReadonlyMap<string, CommandSpec>): CommandSpec {
  return {
    name: '__complete',
    summary: 'Completion candidates for the shell scripts',
    usage: '__complete --current=WORD -- WORDS…',
    details: 'Used by the scripts of pmtoken completion.',
    options: { current: { type: 'string' } },
    positionals: [0, 0],
    passThrough: true,
    hidden: true,
    async run(ctx) {
      const lines = await complete(ctx.passThrough, stringOption(ctx.values, 'current') ?? '', {
        commands: commands(),
        async profiles(dir) {
          const configDir = dir?.trim() ? resolve(dir.trim()) : ctx.configDir;
          if (configDir === ctx.configDir) return (await ctx.engine()).listProfiles();
          const other = createCliContext({ ...ctx, configDir });
          try {
            return await (await other.engine()).listProfiles();
          } finally {
            await other.dispose();
          }
        },
      });
      if (lines.length > 0) await writeOut(`${lines.join('\n')}\n`);
      return ExitCode.ok;
    },
  };
}
