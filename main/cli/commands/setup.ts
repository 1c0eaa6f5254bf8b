/**
 * `pmtoken setup`: use a setup link or file an administrator made (a colleague then types only their own
 * ProcessMaker sign-in), or make one from a profile with `pmtoken setup export`.
 */
import { writeFile } from 'node:fs/promises';
import { readSetupFile, setupFileName, type SetupPreview } from '../../core';
import { printable, shellWord } from '../escape';
import { ExitCode } from '../exit-codes';
import { readStdin, say, writeOut } from '../terminal';
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
  usage: 'setup <file|link|-> [--yes] [--allow-insecure] | setup export <profile> [--link] [--include-secret]',
  details: `Using a setup:
  pmtoken setup Acme.pmtokentray         shows what the setup would do
  pmtoken setup Acme.pmtokentray --yes   sets the profile up; then sign in
                                         with pmtoken login
  pmtoken setup - --yes                  reads the setup link or file from stdin
  --allow-insecure                       accept a setup whose address is plain
                                         http://

Making one (for colleagues):
  pmtoken setup export acme              writes "acme.pmtokentray" here
  pmtoken setup export acme --link       prints a pmtokentray://setup link
  --include-secret                       include the Auth Client's secret:
                                         anyone holding the file or link can
                                         then use this Auth Client (never
                                         without their own ProcessMaker
                                         sign-in)

A setup never holds a password or token.`,
  options: {
    yes: { type: 'boolean' },
    'allow-insecure': { type: 'boolean' },
    link: { type: 'boolean' },
    'include-secret': { type: 'boolean' },
  },
  positionals: [1, 2],
  async run(ctx) {
    const [first = '', second] = ctx.positionals;
    const engine = await ctx.engine();
    if (first === 'export') {
      if (!second) throw new UsageError('Name the profile to export, e.g. pmtoken setup export acme', 'setup');
      const profile = await engine.getProfile(second);
      const includeSecret = ctx.values['include-secret'] === true;
      if (ctx.values.link === true) {
        await writeOut(`${await engine.exportSetup(profile.id, { format: 'link', includeSecret })}\n`);
        return ExitCode.ok;
      }
      const path = setupFileName(profile.name);
      try {
        await writeFile(path, await engine.exportSetup(profile.id, { format: 'file', includeSecret }), {
          flag: 'wx',
          mode: 0o600,
        });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST')
          throw new UsageError(`“${printable(path)}” already exists here; move it away first.`, 'setup');
        throw err;
      }
      say(
        `Wrote ${printable(path)}${includeSecret ? ', with the Auth Client secret: share it only with colleagues' : ''}.`,
      );
      return ExitCode.ok;
    }
    if (second !== undefined) throw new UsageError('Give one setup file or link.', 'setup');
    // "-": the setup comes on stdin (a link or a file's text, e.g. from a script or a mail client).
    const input = first === '-' ? await readStdin() : /^pmtokentray:/i.test(first) ? first : await readSetupFile(first);
    const preview = await engine.previewSetup(input);
    say(`Server:  ${printable(preview.host)}${preview.insecure ? '  (not secure: plain http)' : ''}`);
    if (preview.plan.action === 'update') {
      say(`This updates your profile “${printable(preview.plan.name)}”:`);
      for (const d of preview.plan.differences) say(`  - ${printable(english.t(d.key, d.params))}`);
      if (preview.plan.differences.length === 0) say('  - nothing changes');
    } else {
      say(`This adds the profile “${printable(preview.plan.name)}” (${kindWords[preview.grant]}).`);
      if (preview.plan.renamedFrom)
        say(`  (“${printable(preview.plan.renamedFrom)}” is already the name of another profile.)`);
    }
    if (ctx.values.yes !== true) {
      say('Nothing was changed. Run the same command with --yes to set it up.');
      return ExitCode.ok;
    }
    if (preview.insecure && ctx.values['allow-insecure'] !== true)
      throw new UsageError(
        'This setup uses a plain http:// address; add --allow-insecure if you trust this network.',
        'setup',
      );
    const view = await engine.applySetup(preview.setupId, { insecureConfirmed: preview.insecure });
    const shown = printable(view.name);
    say(`Set up “${shown}”. It is the active profile.`);
    say(`Next: pmtoken login ${shellWord(view.name)}`);
    return ExitCode.ok;
  },
};
