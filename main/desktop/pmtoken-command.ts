/**
 * Settings › "Install the pmtoken command" (macOS): a link in /usr/local/bin to the standalone pmtoken
 * inside the app (Contents/Resources/pmtoken/pmtoken, where keytar.node lies beside it), made with the
 * system's administrator prompt, as VS Code installs `code`: osascript's `do shell script … with
 * administrator privileges`. Windows and Linux get pmtoken on PATH from their installers.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TokenTrayError } from '../core';

/** Where the link goes. */
export const pmtokenLinkPath = '/usr/local/bin/pmtoken';

/** The standalone pmtoken inside the packaged app, from Electron's `process.resourcesPath`. */
export function bundledPmtoken(resourcesPath: string): string {
  return join(resourcesPath, 'pmtoken', 'pmtoken');
}

/** What running a command as administrator came to: done, or the person cancelled the prompt. */
export type PrivilegedOutcome = 'done' | 'cancelled';

/** Runs a shell command as administrator (on macOS: after the system's password prompt). */
export type RunPrivileged = (shellCommand: string) => Promise<PrivilegedOutcome>;

/** What the window is told. */
export type PmtokenCommandOutcome = 'installed' | 'cancelled';

/** A word for sh, in single quotes (a single quote inside becomes '\''). */
export function shellQuote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** An AppleScript string literal (backslashes and double quotes escaped). */
function appleScriptString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The shell command that makes the link (and /usr/local/bin, which a new Mac does not have). */
export function linkCommand(target: string, link: string = pmtokenLinkPath): string {
  const folder = link.slice(0, link.lastIndexOf('/')) || '/';
  return `mkdir -p ${shellQuote(folder)} && ln -sf ${shellQuote(target)} ${shellQuote(link)}`;
}

/** The AppleScript that runs `shellCommand` after the administrator prompt. */
export function administratorScript(shellCommand: string): string {
  return `do shell script ${appleScriptString(shellCommand)} with administrator privileges`;
}

/** osascript's answer when the person presses Cancel in the password prompt (error -128). */
const userCancelled = /\(-128\)/;

/** {@link RunPrivileged} through osascript, with macOS's own administrator prompt. */
export function osascriptRunner(osascript = '/usr/bin/osascript'): RunPrivileged {
  return (shellCommand) =>
    new Promise((resolve, reject) => {
      execFile(osascript, ['-e', administratorScript(shellCommand)], (error, _stdout, stderr) => {
        if (!error) resolve('done');
        else if (userCancelled.test(String(stderr))) resolve('cancelled');
        else reject(error);
      });
    });
}

/**
 * Links `link` to `target` through `runPrivileged`. Throws a plain error when the app holds no pmtoken
 * (a build without `npm run build:pmtoken`) or the command failed; nothing is changed then.
 */
export async function installPmtokenCommand(
  target: string,
  runPrivileged: RunPrivileged,
  link: string = pmtokenLinkPath,
): Promise<PmtokenCommandOutcome> {
  if (!existsSync(target)) throw new TokenTrayError('internal', 'error.pmtoken_command.missing');
  let outcome: PrivilegedOutcome;
  try {
    outcome = await runPrivileged(linkCommand(target, link));
  } catch (cause) {
    throw new TokenTrayError('internal', 'error.pmtoken_command.failed', { cause, params: { path: link } });
  }
  return outcome === 'done' ? 'installed' : 'cancelled';
}
