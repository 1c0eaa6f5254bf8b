/** `pmtoken token`: prints a fresh access token and a newline, nothing else. */
import { chooseProfile } from '../cli-context';
import { ExitCode } from '../exit-codes';
import { storedProfileProblem } from '../../core';
import { fastToken, findStoredProfile } from '../fast-token';
import { writeOut } from '../terminal';
import type { CommandSpec } from './command';

/** `pmtoken token [<profile>]` */
export const tokenCommand: CommandSpec = {
  name: 'token',
  summary: 'Print a fresh access token (refreshing it when needed)',
  usage: 'token [<profile>]',
  details: `Prints only the token and a newline, for scripts:
  curl -H "Authorization: Bearer $(pmtoken token acme)" https://acme.processmaker.net/api/1.0/users

A token is refreshed first when it has less than a minute left. The tray app and
other pmtoken processes share the same refresh safely.`,
  options: {},
  positionals: [0, 1],
  async run(ctx) {
    const name = ctx.positionals[0];
    // A token that is still good needs neither the engine nor the network, but only for a profile
    // the engine would use too: one it sets aside (storedProfileProblem) goes the engine's way.
    const stored = findStoredProfile(ctx.configDir, name);
    const quick = stored && storedProfileProblem(stored) === null ? await fastToken(ctx.configDir, name) : null;
    if (quick !== null) {
      await writeOut(`${quick}\n`);
      return ExitCode.ok;
    }
    const profile = await chooseProfile(ctx, name);
    const token = await (await ctx.engine()).freshToken(profile.id);
    await writeOut(`${token}\n`);
    return ExitCode.ok;
  },
};
