/**
 * `pmtoken setup`: use a setup link or file an administrator made (a colleague then types only their own
 * ProcessMaker sign-in), or make one from a profile with `pmtoken setup export`.
 */
import { writeFile } from 'node:fs/promises';
import { readSetupFile, setupFileName, type SetupPreview } from '../../core';
import { printable, shellWord } from '../escape';
import { ExitCode } from '../exit-codes';
import { readSecret, readStdin, say, writeOut } from '../terminal';
import { UsageError } from '../usage-error';
import type { CommandSpec } from './command';
import { english } from '../../i18n';

const kindWords: Record<SetupPreview['grant'], string> = {
  authorization_code: 'sign in with the browser',
  password: 'sign in with a username and password',
  personal_access_token: 'a personal access token',
};

/** `pmtoken setup <file|link|-> [--yes]`, `pmtoken setup export <profile> [--link] [--include-secret]` */
export const setupCommand: CommandSpec = {
  name: 'setup',
  summary: 'Use a setup link or file from your IT team, or make one for others',
  usage:
    'setup <file|link|-> [--yes] [--allow-insecure] [--client-secret-stdin] | setup export <profile> [--link] [--without-secret]',
  details: `Using a setup:
  pmtoken setup Acme.pmtokentray         shows what the setup would do
  pmtoken setup Acme.pmtokentray --yes   sets the profile up; then sign in
                                         with pmtoken login
  pmtoken setup - --yes                  reads the setup link or file from stdin
  --allow-insecure                       accept a setup whose address is plain
                                         http://
  --client-secret-stdin                  read the Auth Client's secret from
                                         stdin, for a setup made without it
                                         (on a terminal you are asked)

Making one (for colleagues):
  pmtoken setup export acme              writes "acme.pmtokentray" here
  pmtoken setup export acme --link       prints a pmtokentray://setup link
  The Auth Client's secret goes with it, as every installed copy shares it;
  anyone holding the file or link can use this Auth Client, though never
  without their own ProcessMaker sign-in.
  --without-secret                       leave the secret out: whoever uses
                                         the setup is asked for it

A setup never holds a password or token.`,
  options: {
    yes: { type: 'boolean' },
    'allow-insecure': { type: 'boolean' },
    link: { type: 'boolean' },
    'include-secret': { type: 'boolean' },
    'without-secret': { type: 'boolean' },
    'client-secret-stdin': { type: 'boolean' },
  },
  positionals: [1, 2],
  async run(ctx) {
    const [first = '', second] = ctx.positionals;
    const engine = await ctx.engine();
    if (first === 'export') {
      if (!second) throw new UsageError('Name the profile to export, e.g. pmtoken setup export acme', 'setup');
      const profile = await engine.getProfile(second);
      if (ctx.values['include-secret'] === true && ctx.values['without-secret'] === true)
        throw new UsageError('Give --include-secret or --without-secret, not both.', 'setup');
      // The secret goes with the setup unless left out; --include-secret insists (and fails without one).
      const includeSecret =
        ctx.values['without-secret'] === true ? false : ctx.values['include-secret'] === true || undefined;
      const leftOut = includeSecret === false && profile.hasClientSecret;
      const carries = includeSecret !== false && profile.hasClientSecret && profile.grant !== 'personal_access_token';
      const secretOption = includeSecret === undefined ? {} : { includeSecret };
      if (leftOut) say('Warning: without the Auth Client secret, whoever uses this setup must ask you for it.');
      if (ctx.values.link === true) {
        await writeOut(`${await engine.exportSetup(profile.id, { format: 'link', ...secretOption })}\n`);
        return ExitCode.ok;
      }
      const path = setupFileName(profile.name);
      try {
        await writeFile(path, await engine.exportSetup(profile.id, { format: 'file', ...secretOption }), {
          flag: 'wx',
          mode: 0o600,
        });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST')
          throw new UsageError(`“${printable(path)}” already exists here; move it away first.`, 'setup');
        throw err;
      }
      say(`Wrote ${printable(path)}${carries ? ', with the Auth Client secret: share it only with colleagues' : ''}.`);
      return ExitCode.ok;
    }
    if (second !== undefined) throw new UsageError('Give one setup file or link.', 'setup');
    // "-": the setup comes on stdin (a link or a file's text, e.g. from a script or a mail client).
    const input = first === '-' ? await readStdin() : /^pmtokentray:/i.test(first) ? first : await readSetupFile(first);
    const preview = await engine.previewSetup(input);
    say(`Server:  ${printable(preview.host)}${preview.insecure ? '  (not secure: plain http)' : ''}`);
    if (preview.hostInOtherLetters) say(`         ${english.t('setup.confirm.otherLetters')}`);
    // Refused before anything is offered: the person has not yet said they trust this network.
    if (preview.insecure && ctx.values['allow-insecure'] !== true)
      throw new UsageError(
        'This setup uses a plain http:// address; add --allow-insecure if you trust this network.',
        'setup',
      );
    if (preview.plan.action === 'update') {
      say(`This updates your profile “${printable(preview.plan.name)}”:`);
      for (const d of preview.plan.differences) say(`  - ${printable(english.t(d.key, d.params))}`);
      if (preview.plan.differences.length === 0) say('  - nothing changes');
    } else {
      const plan = preview.plan;
      say(`This adds the profile “${printable(plan.name)}” (${kindWords[preview.grant]}).`);
      if (plan.renamedFrom && plan.renamedFromHost && plan.renamedFromHost !== preview.host)
        say(
          `  Your profile “${printable(plan.renamedFrom)}” is for ${printable(plan.renamedFromHost)}; this setup is for another server, ${printable(preview.host)}.`,
        );
      else if (plan.renamedFrom) say(`  (“${printable(plan.renamedFrom)}” is already the name of another profile.)`);
      if (plan.looksLike)
        say(`  ${printable(english.t('setup.confirm.looksLike', { name: plan.name, other: plan.looksLike }))}`);
    }
    if (preview.hasClientSecret) say('It includes the Auth Client secret, kept in your keychain.');
    if (preview.needsClientSecret)
      say('It needs the Auth Client secret, which whoever made it left out: ask them for it.');
    if (ctx.values.yes !== true) {
      say('Nothing was changed. Run the same command with --yes to set it up.');
      return ExitCode.ok;
    }
    const clientSecret = preview.needsClientSecret
      ? await askSecret(ctx.values['client-secret-stdin'] === true, first)
      : undefined;
    const view = await engine.applySetup(preview.setupId, {
      insecureConfirmed: preview.insecure,
      ...(clientSecret !== undefined ? { clientSecret } : {}),
    });
    const shown = printable(view.name);
    say(`Set up “${shown}”. It is the active profile.`);
    say(`Next: pmtoken login ${shellWord(view.name)}`);
    return ExitCode.ok;
  },
};

/** The Auth Client's secret for a setup made without it: typed on a terminal, or piped with --client-secret-stdin. */
async function askSecret(fromStdin: boolean, source: string): Promise<string> {
  if (fromStdin && source === '-')
    throw new UsageError(
      'The setup already comes on stdin; give the secret on a terminal, or the setup as a file.',
      'setup',
    );
  const secret = (await readSecret(fromStdin, 'Client secret (ask whoever sent you this setup): '))?.trim();
  if (secret) return secret;
  throw new UsageError(
    'This setup needs the Auth Client secret: ask whoever sent it, then pipe it in with --client-secret-stdin.',
    'setup',
  );
}
