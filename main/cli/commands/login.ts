/**
 * `pmtoken login`: signs a profile in the way it is set up to. Browser
 * sign-ins always return to a loopback address on this computer; the address
 * to open is printed on stderr (and opened, unless --no-browser).
 */
import type { ProfileView, TokenEngine } from '../../core';
import { chooseProfile, stringOption, type CliContext } from '../cli-context';
import { printable } from '../escape';
import { ExitCode } from '../exit-codes';
import { openBrowser } from '../open-browser';
import { canAsk, InterruptedError, promptLine, readSecret, say } from '../terminal';
import { UsageError } from '../usage-error';
import { profileFirst, type CommandSpec } from './command';

function signedInLine(view: ProfileView): string {
  const user = view.status.state === 'signed_in' ? view.status.user : null;
  const who = user
    ? ` as ${printable(user.name)}${user.username && user.username !== user.name ? ` (${printable(user.username)})` : ''}`
    : '';
  return `Signed in to “${printable(view.name)}”${who}.`;
}

async function browserLogin(ctx: CliContext, engine: TokenEngine, profile: ProfileView): Promise<ProfileView> {
  const noBrowser = ctx.values['no-browser'] === true;
  const pending = await engine.startBrowserSignIn(profile.id, {
    redirectMode: 'loopback',
    openBrowser: false,
    returnTo: 'terminal',
  });
  // Listen for Ctrl-C before the address is printed: a person (or a script) may stop at once.
  let interrupted = false;
  const stop = ctx.onInterrupt(() => {
    interrupted = true;
    engine.cancelSignIn(pending.flowId);
  });
  try {
    say(
      noBrowser
        ? `Open this address in your browser to sign in to “${printable(profile.name)}”:`
        : `Opening your browser to sign in to “${printable(profile.name)}”. If it does not open, use this address:`,
    );
    say(`\n  ${pending.authorizeUrl}\n`);
    if (!noBrowser) {
      await openBrowser(pending.authorizeUrl, ctx.env).catch(() =>
        say('Your browser could not be opened; open the address above yourself.'),
      );
    }
    say('Waiting for the sign-in to finish in the browser (press Ctrl-C to stop)…');
    return await engine.waitForSignIn(pending.flowId);
  } catch (err) {
    // Ctrl-C here is the person stopping pmtoken, not a sign-in refused in the browser.
    throw interrupted ? new InterruptedError() : err;
  } finally {
    stop();
  }
}

/** `pmtoken login [<profile>] ...` */
export const loginCommand: CommandSpec = {
  name: 'login',
  summary: 'Sign a profile in (browser, password or personal access token)',
  usage: 'login [<profile>] [--username U --password-stdin] [--pat-stdin] [--no-browser]',
  details: `Signs in the way the profile was added with (--grant):
  code       opens the sign-in page in your browser; it returns to this computer
             (http://127.0.0.1/oauth/callback, which the Auth Client must allow)
  password   --username U (asked for at a terminal), and the password from
             stdin (--password-stdin) or typed
  pat        the personal access token from stdin (--pat-stdin) or typed

Options:
  --username U        the ProcessMaker username (not the email address)
  --password-stdin    read the password from stdin
  --pat-stdin         read the personal access token from stdin
  --no-browser        do not open a browser; print the address to open on
                      stderr and wait

Examples:
  pmtoken login acme
  printf '%s' "$PM_PASSWORD" | pmtoken login acme-pw --username jane --password-stdin
  pmtoken login acme-pat --pat-stdin < token.txt`,
  options: {
    username: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    'pat-stdin': { type: 'boolean' },
    'no-browser': { type: 'boolean' },
  },
  completeArg: profileFirst,
  positionals: [0, 1],
  async run(ctx) {
    const profile = await chooseProfile(ctx, ctx.positionals[0]);
    const engine = await ctx.engine();
    let view: ProfileView;
    if (profile.grant === 'password') {
      let username = stringOption(ctx.values, 'username') ?? profile.username;
      // A person at a terminal is asked; a script is told which option it left out.
      if (!username && canAsk()) username = await promptLine('ProcessMaker username (not your email address): ');
      if (!username) throw new UsageError('Give your ProcessMaker username with --username.', 'login');
      const password = await readSecret(ctx.values['password-stdin'] === true, `Password for ${printable(username)}: `);
      if (password === null)
        throw new UsageError(
          'Pass the password on stdin with --password-stdin (it is never read from the command line).',
          'login',
        );
      if (password === '') throw new UsageError('The password is empty.', 'login');
      view = await engine.signInWithPassword(profile.id, username, password);
    } else if (profile.grant === 'personal_access_token') {
      const token = await readSecret(ctx.values['pat-stdin'] === true, 'Personal access token: ');
      if (token === null)
        throw new UsageError(
          'Pass the personal access token on stdin with --pat-stdin (it is never read from the command line).',
          'login',
        );
      if (token.trim() === '') throw new UsageError('The personal access token is empty.', 'login');
      view = await engine.savePersonalAccessToken(profile.id, token);
    } else {
      view = await browserLogin(ctx, engine, profile);
    }
    say(signedInLine(view));
    return ExitCode.ok;
  },
};
