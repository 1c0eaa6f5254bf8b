/** Every `pmtoken` command, in the order `--help` lists them. */
import { addCommand } from './add';
import type { CommandSpec } from './command';
import { completeCommand, completionCommand } from './completion';
import { envCommand } from './env';
import { helpCommand } from './help-command';
import { loginCommand } from './login';
import { logoutCommand, profilesCommand, removeCommand, useCommand } from './profiles';
import { requestCommand } from './request';
import { runCommand } from './run';
import { setupCommand } from './setup';
import { statusCommand } from './status';
import { tokenCommand } from './token';
import { whoamiCommand } from './whoami';

const all = (): ReadonlyMap<string, CommandSpec> => commands;

/** The commands by name. */
export const commands: ReadonlyMap<string, CommandSpec> = new Map(
  [
    addCommand,
    setupCommand,
    loginCommand,
    statusCommand,
    tokenCommand,
    runCommand,
    envCommand,
    whoamiCommand,
    requestCommand,
    profilesCommand,
    useCommand,
    logoutCommand,
    removeCommand,
    completionCommand,
    helpCommand(all),
    completeCommand(all),
  ].map((c) => [c.name, c]),
);
