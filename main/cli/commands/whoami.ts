/** `pmtoken whoami`: who the profile's token belongs to, asked of ProcessMaker. */
import { chooseProfile } from '../cli-context';
import { printable, safeJson } from '../escape';
import { ExitCode } from '../exit-codes';
import { writeOut } from '../terminal';
import { profileFirst, type CommandSpec } from './command';

/** `pmtoken whoami [<profile>] [--json]` */
export const whoamiCommand: CommandSpec = {
  name: 'whoami',
  summary: 'Show the ProcessMaker user a profile is signed in as',
  usage: 'whoami [<profile>] [--json]',
  details: `Options:
  --json    print {"id", "name", "username", "email"} as JSON`,
  options: { json: { type: 'boolean' } },
  completeArg: profileFirst,
  positionals: [0, 1],
  async run(ctx) {
    const profile = await chooseProfile(ctx, ctx.positionals[0]);
    const user = await (await ctx.engine()).whoami(profile.id);
    if (ctx.values.json === true) {
      await writeOut(`${safeJson({ profile: profile.name, instanceUrl: profile.instanceUrl, ...user })}\n`);
      return ExitCode.ok;
    }
    const handle = user.username && user.username !== user.name ? ` (${printable(user.username)})` : '';
    const email = user.email ? ` <${printable(user.email)}>` : '';
    await writeOut(`${printable(user.name)}${handle}${email}\n`);
    return ExitCode.ok;
  },
};
