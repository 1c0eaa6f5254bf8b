/**
 * `pmtoken run`: starts a command with PM_TOKEN and PM_API_URL in its
 * environment (never in its arguments), passes signals on to it, and exits
 * with its exit code.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { chooseProfile } from '../cli-context';
import { printable } from '../escape';
import { say } from '../terminal';
import { apiUrl } from '../token-output';
import { engineToken, tokenOptionHelp, tokenOptions } from '../token-source';
import { UsageError } from '../usage-error';
import { profileFirst, type CommandSpec } from './command';

/** Signals a terminal or a supervisor sends that the command should get too. */
const forwarded: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGUSR2'];

/** Runs `argv` with `env`; resolves to its exit code (128 + the signal number when a signal ended it). */
function runChild(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [file = '', ...args] = argv;
  return new Promise((resolve) => {
    const child = spawn(file, args, { env, stdio: 'inherit' });
    const forward = (signal: NodeJS.Signals): void => {
      // On Windows a Ctrl-C reaches every process on the console by itself; kill() would end the command.
      if (process.platform !== 'win32') child.kill(signal);
    };
    for (const signal of forwarded) process.on(signal, forward);
    const done = (code: number): void => {
      for (const signal of forwarded) process.off(signal, forward);
      resolve(code);
    };
    child.once('error', (err: NodeJS.ErrnoException) => {
      const missing = err.code === 'ENOENT';
      say(
        missing
          ? `pmtoken: The command “${printable(file)}” was not found.`
          : `pmtoken: The command “${printable(file)}” could not be started.`,
      );
      say(missing ? 'Check its name, or give its full path.' : 'Check that it is a program you may run.');
      done(missing ? 127 : 126);
    });
    child.once('exit', (code, signal) => {
      done(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0));
    });
  });
}

/** `pmtoken run [<profile>] -- CMD ARGS…` */
export const runCommand: CommandSpec = {
  name: 'run',
  summary: 'Run a command with PM_TOKEN and PM_API_URL in its environment',
  usage: 'run [<profile>] [--min-validity SECONDS] [--force-refresh] -- CMD [ARGS…]',
  details: `Starts CMD with PM_TOKEN (the access token) and PM_API_URL (<address>/api/1.0)
set in its environment. The token is never put on a command line, where other
users of this computer could see it. Ctrl-C and other signals are passed to CMD,
and pmtoken exits with CMD's exit code (127 when CMD is not found).

Options:
${tokenOptionHelp}

The token is good for at least a minute (or --min-validity) when CMD starts; a
longer job should ask pmtoken for a new one when it needs it.

Examples:
  pmtoken run acme -- sh -c 'curl -H "Authorization: Bearer $PM_TOKEN" "$PM_API_URL/users"'
  pmtoken run --min-validity 900 -- python sync.py`,
  options: { ...tokenOptions },
  completeArg: profileFirst,
  positionals: [0, 1],
  passThrough: true,
  async run(ctx) {
    if (ctx.passThrough.length === 0 || ctx.passThrough[0] === '') {
      throw new UsageError('Give the command to run after --, like: pmtoken run -- ./sync.sh', 'run');
    }
    const profile = await chooseProfile(ctx, ctx.positionals[0]);
    const { token } = await engineToken(ctx, profile);
    const env = { ...ctx.env, PM_TOKEN: token, PM_API_URL: apiUrl(profile.instanceUrl) };
    return runChild(ctx.passThrough, env);
  },
};
