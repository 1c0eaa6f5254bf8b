import { execFile } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installPmtokenCommand, type RunPrivileged } from '../../main/desktop';
import { addSignedInProfile } from './profiles-fixture';
import { useUiSuite } from './suite';

/**
 * Runs the command with the real sh, as osascript's `do shell script` does once the administrator
 * has typed the password (here no password is needed: the link goes into a temporary folder).
 */
const realShell: RunPrivileged = (command) =>
  new Promise((resolve, reject) => {
    execFile('/bin/sh', ['-c', command], (error) => (error ? reject(error) : resolve('done')));
  });

describe('Settings › Install the pmtoken command', { timeout: 90_000 }, () => {
  const ui = useUiSuite();
  let dir: string;
  let target: string;
  let link: string;
  beforeEach(() => {
    // A space and a quote in the app's path, as "/Applications/Token Tray.app" has a space.
    dir = mkdtempSync(join(tmpdir(), "token-tray-pmtoken-command '"));
    target = join(dir, 'Token Tray.app', 'pmtoken');
    link = join(dir, 'usr local bin', 'pmtoken');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const openSettings = async (options: Parameters<typeof ui.start>[0]) => {
    const app = await ui.start(options);
    await addSignedInProfile(app);
    await app.open();
    await app.page.getByRole('button', { name: 'Settings' }).click();
    await app.page.getByRole('heading', { name: 'Settings' }).waitFor();
    return app;
  };

  it('links the command to the app’s pmtoken on macOS, and says how to use it', async () => {
    mkdirSync(join(dir, 'Token Tray.app'));
    writeFileSync(target, '#!/bin/sh\n', { mode: 0o755 });
    const { page } = await openSettings({
      platform: 'darwin',
      installPmtokenCommand: () => installPmtokenCommand(target, realShell, link),
    });
    await page.getByRole('button', { name: 'Install the pmtoken command' }).click();
    await page.getByText('pmtoken is installed. Open a new Terminal window and type pmtoken --help.').waitFor();
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
  });

  it('changes nothing when the administrator prompt is cancelled, and says so', async () => {
    writeFileSync(join(dir, 'pmtoken'), '');
    const { page } = await openSettings({
      platform: 'darwin',
      installPmtokenCommand: () => installPmtokenCommand(join(dir, 'pmtoken'), async () => 'cancelled', link),
    });
    await page.getByRole('button', { name: 'Install the pmtoken command' }).click();
    await page.getByText('Nothing was changed.').waitFor();
    expect(existsSync(link)).toBe(false);
  });

  it('says plainly when this copy of the app has no pmtoken', async () => {
    const { page } = await openSettings({
      platform: 'darwin',
      installPmtokenCommand: () => installPmtokenCommand(target, realShell, link),
    });
    await page.getByRole('button', { name: 'Install the pmtoken command' }).click();
    await page.getByText('This copy of Token Tray does not contain the pmtoken command.').waitFor();
    expect(existsSync(link)).toBe(false);
  });

  it('is not offered on Windows and Linux, whose installers put pmtoken on PATH', async () => {
    const { page } = await openSettings({ platform: 'linux' });
    await page.getByText('Appearance').waitFor();
    expect(await page.getByRole('button', { name: 'Install the pmtoken command' }).count()).toBe(0);
  });
});
