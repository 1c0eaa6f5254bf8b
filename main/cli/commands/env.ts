/** `pmtoken env`: shell lines that put the token and the API address in the environment. */
import { chooseProfile, stringOption } from '../cli-context';
import { safeJson } from '../escape';
import { ExitCode } from '../exit-codes';
import { writeOut } from '../terminal';
import { apiUrl, choice, shellAssignments, shells } from '../token-output';
import { engineToken, tokenOptionHelp, tokenOptions } from '../token-source';
import { profileFirst, type CommandSpec } from './command';

/** `pmtoken env [<profile>] [--shell sh|powershell|fish] [--json]` */
export const envCommand: CommandSpec = {
  name: 'env',
  summary: 'Print shell lines that set PM_TOKEN and PM_API_URL',
  usage: 'env [<profile>] [--shell sh|powershell|fish] [--json] [--min-validity SECONDS] [--force-refresh]',
  details: `Prints "export PM_TOKEN=…" and "export PM_API_URL=…" (<address>/api/1.0) for
sh, bash and zsh; $env:… lines for PowerShell; set -gx for fish.

Options:
  --shell SHELL            sh (default; powershell on Windows), powershell
                           or fish
  --json                   print {"PM_TOKEN", "PM_API_URL"}
${tokenOptionHelp}

The token expires like any other: for a long job, prefer "pmtoken run".

Examples:
  eval "$(pmtoken env acme)"
  pmtoken env acme --shell powershell | Invoke-Expression`,
  options: { shell: { type: 'string' }, json: { type: 'boolean' }, ...tokenOptions },
  choices: { shell: shells },
  completeArg: profileFirst,
  positionals: [0, 1],
  async run(ctx) {
    const fallback = process.platform === 'win32' ? 'powershell' : 'sh';
    const shell = choice(stringOption(ctx.values, 'shell'), shells, '--shell', 'env') ?? fallback;
    const profile = await chooseProfile(ctx, ctx.positionals[0]);
    const { token } = await engineToken(ctx, profile);
    const vars = { PM_TOKEN: token, PM_API_URL: apiUrl(profile.instanceUrl) };
    await writeOut(`${ctx.values.json === true ? safeJson(vars) : shellAssignments(vars, shell)}\n`);
    return ExitCode.ok;
  },
};
