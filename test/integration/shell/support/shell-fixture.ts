/**
 * One running tray-app process (bundled main, Electron replaced by the
 * stand-in) over pm-server and the test keyring, with an authorization-code
 * profile "Acme" set up beforehand the way the CLI would.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { channelPrefix, type ChannelName, type Result } from '../../../../main/contract/ipc';
import type { MenuItemTemplate } from '../../../../main/desktop';
import { addAcmeProfile } from '../../../e2e/support/acme-profile';
import { startPmServer, type PmServer } from '../../../server';
import { buildShell, startShell, type ShellProcess } from './shell-process';

/** The tray as the e2e hooks report it. */
export type TrayState = { menu: MenuItemTemplate[]; tooltip: string; image: string; openedUrls: string[] } | null;

/** Everything a shell test uses. */
export interface ShellFixture {
  pm: PmServer;
  built: Awaited<ReturnType<typeof buildShell>>;
  configDir: string;
  shell: ShellProcess;
  profileId: string;
  tray(): Promise<TrayState>;
  /** Menu labels, submenus flattened. */
  labels(): Promise<string[]>;
  clickTray(id: string): Promise<void>;
  /** Calls a channel as the app's window (or as another sender). */
  invoke<T>(name: ChannelName, args: unknown[], sender?: 'window' | 'foreign' | 'iframe'): Promise<Result<T>>;
  close(): Promise<void>;
}

const flat = (items: MenuItemTemplate[]): string[] =>
  items.flatMap((i) => [i.label ?? '---', ...flat(i.submenu ?? [])]);

/** Starts pm-server and the app (with `argv` as its command line) and waits until it is up. */
export async function startShellFixture(argv: string[] = []): Promise<ShellFixture> {
  const pm = await startPmServer();
  const built = await buildShell();
  const configDir = mkdtempSync(join(tmpdir(), 'token-tray-shell-'));
  const profileId = await addAcmeProfile(pm, configDir);
  const shell = startShell(built, configDir, argv);
  const tray = () => shell.send<TrayState>({ cmd: 'tray' });
  await vi.waitFor(
    async () => {
      if ((await tray()) === null) throw new Error(`the app did not finish starting: ${shell.stderr().slice(-500)}`);
    },
    { timeout: 20_000, interval: 100 },
  );
  return {
    pm,
    built,
    configDir,
    shell,
    profileId,
    tray,
    labels: async () => flat((await tray())?.menu ?? []),
    clickTray: async (id) => void (await shell.send({ cmd: 'click', item: id })),
    invoke: (name, args, sender = 'window') =>
      shell.send({ cmd: 'invoke', channel: `${channelPrefix}${name}`, args, sender }),
    close: async () => {
      shell.child.kill();
      built.remove();
      await pm.close();
      rmSync(configDir, { recursive: true, force: true });
    },
  };
}
