/**
 * `pmtoken status`: signed in or not, for one profile or all, with an exit
 * code a script can test (0 signed in, 3 not), like `gh auth status`.
 */
import type { ProfileView } from '../../core';
import { chooseProfile, NO_PROFILES_YET, profileName } from '../cli-context';
import { printable, safeJson } from '../escape';
import { ExitCode } from '../exit-codes';
import { say, writeOut } from '../terminal';
import { profileFirst, type CommandSpec } from './command';
import { statusText } from './profiles';

/** One profile in `pmtoken status --json`. */
function statusJson(view: ProfileView): Record<string, unknown> {
  const s = view.status;
  return {
    name: view.name,
    active: view.active,
    url: view.instanceUrl,
    grant: view.grant,
    signed_in: s.state === 'signed_in',
    state: s.state === 'signed_out' ? s.reason : s.state,
    expires_at: s.state === 'signed_in' && s.expiresAt !== null ? new Date(s.expiresAt).toISOString() : null,
    refreshable: s.state === 'signed_in' && s.refreshable,
    user: s.state === 'signed_in' && s.user ? s.user : null,
  };
}

/** `pmtoken status [<profile>] [--json]` */
export const statusCommand: CommandSpec = {
  name: 'status',
  summary: 'Show whether profiles are signed in (exit code 3 when not)',
  usage: 'status [<profile>] [--json]',
  details: `Prints one line per profile (* marks the active one), or only the profile
named (or in PMTOKEN_PROFILE). Exits with 0 when that profile (with none named:
the active one) is signed in, and 3 when it is not:
  pmtoken status acme >/dev/null || pmtoken login acme

Options:
  --json    print {"profiles": [{"name", "active", "url", "grant",
            "signed_in", "state", "expires_at", "refreshable", "user"}]};
            state is signed_in, never, signed_out or session_expired;
            grant is authorization_code, password or personal_access_token,
            as in pmtoken profiles --json`,
  options: { json: { type: 'boolean' } },
  completeArg: profileFirst,
  positionals: [0, 1],
  async run(ctx) {
    const name = profileName(ctx, ctx.positionals[0]);
    const engine = await ctx.engine();
    const views = name === undefined ? await engine.listProfiles() : [await chooseProfile(ctx, ctx.positionals[0])];
    const judged = name === undefined ? views.find((v) => v.active) : views[0];
    const code = judged?.status.state === 'signed_in' ? ExitCode.ok : ExitCode.signedOut;
    if (ctx.values.json === true) {
      await writeOut(`${safeJson({ profiles: views.map(statusJson) }, 2)}\n`);
      return code;
    }
    if (views.length === 0) {
      say(`${NO_PROFILES_YET.message}\n${NO_PROFILES_YET.nextStep}`);
      return code;
    }
    const width = Math.max(...views.map((v) => printable(v.name).length));
    const lines = views.map((v) => `${v.active ? '*' : ' '} ${printable(v.name).padEnd(width)}  ${statusText(v)}`);
    await writeOut(`${lines.join('\n')}\n`);
    return code;
  },
};
