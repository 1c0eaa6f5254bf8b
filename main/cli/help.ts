/** The text of `pmtoken --help` and `pmtoken <command> --help`. */
import type { CommandSpec } from './commands/command';
import { exitCodeHelp } from './exit-codes';

/** `pmtoken --help`. */
export function generalHelp(commands: Iterable<CommandSpec>): string {
  const list = [...commands];
  const width = Math.max(...list.map((c) => c.name.length));
  return `pmtoken: ProcessMaker access tokens from your keychain, shared with the Token Tray app.

Usage: pmtoken [--config-dir DIR] <command> [arguments]

Commands:
${list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "pmtoken <command> --help" for a command's options.

Global options:
  --config-dir DIR   use the settings in DIR (also PMTOKEN_CONFIG_DIR); default: the app's folder
  -h, --help         show help
  -V, --version      show the version

Secrets (client secret, password, personal access token) are read from stdin
only, never from the command line.

Environment:
  PMTOKEN_CONFIG_DIR   settings folder (like --config-dir)
  PMTOKEN_BROWSER      command that opens the sign-in address (it gets the URL)
  PMTOKEN_DEBUG        print core's warnings on stderr (tokens are redacted)

${exitCodeHelp}
`;
}

/** `pmtoken <command> --help`. */
export function commandHelp(spec: CommandSpec): string {
  return `Usage: pmtoken ${spec.usage}

${spec.summary}.

${spec.details}

Global options: --config-dir DIR, -h/--help. Exit codes: pmtoken --help.
`;
}
