/** The text of `pmtoken --help` and `pmtoken <command> --help` (also `pmtoken help [command]`). */
import type { CommandSpec } from './commands/command';
import { exitCodeHelp } from './exit-codes';

/** `pmtoken --help`. */
export function generalHelp(commands: Iterable<CommandSpec>): string {
  const list = [...commands].filter((c) => !c.hidden);
  const width = Math.max(...list.map((c) => c.name.length));
  return `pmtoken: ProcessMaker access tokens from your keychain, shared with Token Tray.

Usage: pmtoken [--config-dir DIR] <command> [arguments]

Commands:
${list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "pmtoken help <command>" or "pmtoken <command> --help" for its options.

Global options:
  --config-dir DIR   use the settings in DIR (also PMTOKEN_CONFIG_DIR);
                     default: the app's folder
  -h, --help         show help
  -V, --version      show the version

Which profile: the one named on the command line, else PMTOKEN_PROFILE, else
the active one (pmtoken use).

Commands that print data take --json; errors are then printed on stderr as
  {"error": {"code": "signed_out", "message": "...", "next_step": "..."}}
with the same codes as the app.

Secrets (client secret, password, personal access token) are read from stdin
only, never from the command line.

pmtoken speaks English whatever the system's language, so that scripts can
match its output and support threads can quote it; the Token Tray app speaks
English, Spanish, French or German.

Environment:
  PMTOKEN_PROFILE      profile to use when none is named
  PMTOKEN_CONFIG_DIR   settings folder (like --config-dir)
  PMTOKEN_BROWSER      command that opens the sign-in address (it gets the URL)
  PMTOKEN_DEBUG        print core's warnings on stderr (tokens are redacted)

${exitCodeHelp}
`;
}

/** `pmtoken <command> --help`. */
export function commandHelp(spec: CommandSpec): string {
  const profile = spec.usage.includes('[<profile>]')
    ? '\nWithout <profile>: the one in PMTOKEN_PROFILE, else the active one.\n'
    : '';
  return `Usage: pmtoken ${spec.usage}

${spec.summary}.

${spec.details}
${profile}
Global options: --config-dir DIR, -h/--help. Exit codes: pmtoken --help.
`;
}
