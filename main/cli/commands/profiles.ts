/** `pmtoken profiles`, `use`, `logout` and `remove`: looking after profiles. */
import { SIGN_IN_KIND_WORDS, type ProfileView } from '../../core';
import { chooseProfile, NO_PROFILES_YET } from '../cli-context';
import { printable, safeJson } from '../escape';
import { ExitCode } from '../exit-codes';
import { say, writeOut } from '../terminal';
import { profileFirst, type CommandSpec } from './command';
import { english } from '../../i18n';

/** A profile's sign-in state in words, e.g. "signed in as Jane, token until 2026-01-02 10:00 UTC". */
export function statusText(view: ProfileView): string {
  const status = view.status;
  if (status.state === 'keychain_unavailable') return 'keychain unavailable';
  if (status.state === 'signed_out') {
    return status.reason === 'session_expired'
      ? 'sign-in expired'
      : status.reason === 'signed_out'
        ? 'signed out'
        : 'not signed in';
  }
  const who = status.user ? ` as ${printable(status.user.name)}` : '';
  const until =
    status.expiresAt === null
      ? ''
      : status.expiresAt < Date.now()
        ? ', token expired'
        : `, token until ${new Date(status.expiresAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `signed in${who}${until}`;
}

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  '))
    .join('\n');
}

/** `pmtoken profiles [--json | --names]` */
export const profilesCommand: CommandSpec = {
  name: 'profiles',
  summary: 'List profiles (* marks the active one)',
  usage: 'profiles [--json | --names]',
  details: `Options:
  --json    print the profiles as JSON (no secrets)
  --names   print only the names, one a line`,
  options: { json: { type: 'boolean' }, names: { type: 'boolean' } },
  positionals: [0, 0],
  async run(ctx) {
    const engine = await ctx.engine();
    const views = await engine.listProfiles();
    // What was set aside is told on stderr, so --json output stays the list of profiles.
    for (const note of await engine.setAsideNotes()) say(note.reason);
    if (ctx.values.json === true) {
      await writeOut(`${safeJson(views, 2)}\n`);
      return ExitCode.ok;
    }
    if (ctx.values.names === true) {
      if (views.length > 0) await writeOut(`${views.map((v) => printable(v.name)).join('\n')}\n`);
      return ExitCode.ok;
    }
    if (views.length === 0) {
      say(`${NO_PROFILES_YET.message}\n${NO_PROFILES_YET.nextStep}`);
      return ExitCode.ok;
    }
    const rows = [
      ['', 'NAME', 'ADDRESS', 'SIGN-IN', 'STATUS'],
      ...views.map((v) => [
        v.active ? '*' : '',
        printable(v.name),
        printable(v.instanceUrl),
        SIGN_IN_KIND_WORDS[v.grant],
        statusText(v),
      ]),
    ];
    await writeOut(`${table(rows)}\n`);
    return ExitCode.ok;
  },
};

/** `pmtoken use <profile>` */
export const useCommand: CommandSpec = {
  name: 'use',
  summary: 'Make a profile the active one (used when no profile is named)',
  usage: 'use <profile>',
  details: 'The app and pmtoken share the active profile.',
  options: {},
  completeArg: profileFirst,
  positionals: [1, 1],
  async run(ctx) {
    const profile = await chooseProfile(ctx, ctx.positionals[0]);
    await (await ctx.engine()).setActiveProfile(profile.id);
    say(`Now using “${printable(profile.name)}”.`);
    return ExitCode.ok;
  },
};

/** `pmtoken logout [<profile>]` */
export const logoutCommand: CommandSpec = {
  name: 'logout',
  summary: 'Sign a profile out (forget its tokens, keep its settings)',
  usage: 'logout [<profile>]',
  details: 'The profile and its client secret stay; sign in again with pmtoken login.',
  options: {},
  completeArg: profileFirst,
  positionals: [0, 1],
  async run(ctx) {
    const profile = await chooseProfile(ctx, ctx.positionals[0]);
    const { note } = await (await ctx.engine()).signOut(profile.id);
    say(`Signed out of “${printable(profile.name)}”.${note ? ` ${english.t(note)}` : ''}`);
    return ExitCode.ok;
  },
};

/** `pmtoken remove <profile>` */
export const removeCommand: CommandSpec = {
  name: 'remove',
  summary: 'Delete a profile and its stored secrets',
  usage: 'remove <profile>',
  details: 'Removes the profile from the app and pmtoken, and its keychain item.',
  options: {},
  completeArg: profileFirst,
  positionals: [1, 1],
  async run(ctx) {
    const profile = await chooseProfile(ctx, ctx.positionals[0]);
    await (await ctx.engine()).removeProfile(profile.id);
    say(`Removed profile “${printable(profile.name)}”.`);
    return ExitCode.ok;
  },
};
