/** Every `pmtoken` command, in the order `--help` lists them. */
import { addCommand } from './add';
import type { CommandSpec } from './command';
import { loginCommand } from './login';
import { logoutCommand, profilesCommand, removeCommand, useCommand } from './profiles';
import { requestCommand } from './request';
import { tokenCommand } from './token';
import { whoamiCommand } from './whoami';

/** The commands by name. */
export const commands: ReadonlyMap<string, CommandSpec> = new Map(
  [
    addCommand,
    loginCommand,
    tokenCommand,
    whoamiCommand,
    requestCommand,
    profilesCommand,
    useCommand,
    logoutCommand,
    removeCommand,
  ].map((c) => [c.name, c]),
);
