/** `pmtoken token`: prints a fresh access token and a newline, nothing else. */
import { chooseProfile, profileName, stringOption } from '../cli-context';
import { safeJson } from '../escape';
import { ExitCode } from '../exit-codes';
import { storedProfileProblem } from '../../core';
import { fastToken, findStoredProfile } from '../fast-token';
import { writeOut } from '../terminal';
import { formatToken } from '../../core';
import { choice, tokenFormats, tokenJson } from '../token-output';
import { engineToken, needsEngine, tokenOptionHelp, tokenOptions } from '../token-source';
import { UsageError } from '../usage-error';
import { profileFirst, type CommandSpec } from './command';

/** `pmtoken token [<profile>] [--json | --format F] [--min-validity S] [--force-refresh]` */
export const tokenCommand: CommandSpec = {
  name: 'token',
  summary: 'Print a fresh access token (refreshing it when needed)',
  usage: 'token [<profile>] [--json | --format raw|bearer|header|env] [--min-validity SECONDS] [--force-refresh]',
  details: `Prints only the token and a newline, for scripts:
  curl -H "Authorization: Bearer $(pmtoken token acme)" https://acme.processmaker.net/api/1.0/users

Options:
  --json                   print {"token", "expires_at", "profile", "kind"}
                           (expires_at: ISO 8601 or null)
  --format FORMAT          raw (default), bearer ("Bearer …"),
                           header ("Authorization: Bearer …"),
                           or env ("export PM_TOKEN=…")
${tokenOptionHelp}

A token is refreshed first when it has less than a minute left. The tray app and
other pmtoken processes share the same refresh safely.

Examples:
  curl -H "$(pmtoken token --format header)" https://acme.processmaker.net/api/1.0/users
  pmtoken token acme --json --min-validity 600`,
  options: { json: { type: 'boolean' }, format: { type: 'string' }, ...tokenOptions },
  choices: { format: tokenFormats },
  completeArg: profileFirst,
  positionals: [0, 1],
  async run(ctx) {
    const argument = ctx.positionals[0];
    const json = ctx.values.json === true;
    const format = choice(stringOption(ctx.values, 'format'), tokenFormats, '--format', 'token') ?? 'raw';
    if (json && ctx.values.format !== undefined) throw new UsageError('Give --json or --format, not both.', 'token');
    if (!json && !needsEngine(ctx)) {
      // A token that is still good needs neither the engine nor the network, but only for a profile
      // the engine would use too: one it sets aside (storedProfileProblem) goes the engine's way.
      const name = profileName(ctx, argument);
      const stored = findStoredProfile(ctx.configDir, name);
      const quick = stored && storedProfileProblem(stored) === null ? await fastToken(ctx.configDir, name) : null;
      if (quick !== null) {
        await writeOut(`${formatToken(quick, format)}\n`);
        return ExitCode.ok;
      }
    }
    const profile = await chooseProfile(ctx, argument);
    const info = await engineToken(ctx, profile);
    await writeOut(`${json ? safeJson(tokenJson(info, profile.name)) : formatToken(info.token, format)}\n`);
    return ExitCode.ok;
  },
};
