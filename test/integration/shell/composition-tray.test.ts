/**
 * The tray against the real engine, in the bundled main process with only
 * Electron replaced: status, sign-in through a pmtokentray:// link against
 * pm-server, copy and clear, the copy shortcut, sign-out, quit, and a log
 * without tokens. (test/e2e does the same in real Electron where it exists.)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeInBrowser } from '../../server/browser';
import { startShellFixture, type ShellFixture } from './support/shell-fixture';

let fx: ShellFixture;
let copiedToken = '';
const clipboard = () => fx.shell.send<string>({ cmd: 'clipboard' });
const notifications = () => fx.shell.send<Array<{ title: string; body: string }>>({ cmd: 'notifications' });

beforeAll(async () => {
  fx = await startShellFixture();
}, 60_000);
afterAll(async () => fx?.close());

describe('the tray (Electron replaced by a recording stand-in)', () => {
  it('shows the profile signed out, with the signed-out light-panel icon', async () => {
    expect(await fx.labels()).toEqual(
      expect.arrayContaining(['Acme: Signed out', 'Sign in to Acme…', 'Open Token Tray…', 'Quit Token Tray']),
    );
    const state = await fx.tray();
    expect(state?.tooltip).toBe('Token Tray — Acme: Signed out');
    expect(state?.image).toBe(join(process.cwd(), 'assets', 'tray', 'tray-signed-out-light.png'));
  });

  it('signs in through a pmtokentray:// link from a second launch', async () => {
    // "Sign in…" makes the engine open the browser (recorded in e2e mode).
    await fx.clickTray(`sign-in:${fx.profileId}`);
    await expect.poll(async () => (await fx.tray())?.openedUrls.length ?? 0, { timeout: 10_000 }).toBe(1);
    const authorizeUrl = (await fx.tray())?.openedUrls[0] ?? '';
    const location = await authorizeInBrowser(authorizeUrl, fx.pm.seed.user);
    expect(location.startsWith('pmtokentray://oauth/callback?')).toBe(true);
    await fx.shell.send({
      cmd: 'emit',
      event: 'second-instance',
      args: [{}, ['/opt/token-tray', '--flag', location], '/'],
    });
    const name = `${fx.pm.seed.user.firstname} ${fx.pm.seed.user.lastname}`;
    await expect
      .poll(async () => (await fx.labels()).some((l) => l === `Acme: Signed in as ${name} · renews automatically`), {
        timeout: 15_000,
      })
      .toBe(true);
    expect((await fx.tray())?.tooltip).toBe(`Token Tray — Acme: Signed in as ${name} · renews automatically`);
    expect((await fx.tray())?.image).toBe(join(process.cwd(), 'assets', 'tray', 'tray-light.png'));
    await expect.poll(async () => (await notifications()).some((n) => n.title === 'Signed in')).toBe(true);
  });

  it('copies a working token, notifies, and clears it after the delay from Settings', async () => {
    await fx.shell.send({ cmd: 'emit', event: 'second-instance', args: [{}, ['/opt/token-tray'], '/'] });
    await expect.poll(async () => (await fx.invoke('setPreferences', [{ clipboardClearSeconds: 1 }])).ok).toBe(true);
    await fx.clickTray(`copy:${fx.profileId}`);
    await expect.poll(async () => (await clipboard()).length > 20, { timeout: 10_000 }).toBe(true);
    copiedToken = await clipboard();
    const response = await fetch(`${fx.pm.url}/api/1.0/users`, {
      headers: { Authorization: `Bearer ${copiedToken}`, Accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(await notifications()).toContainEqual({ title: 'Token Tray', body: 'Token copied — clears in 1 s' });
    await expect.poll(async () => (await clipboard()) === '', { timeout: 10_000 }).toBe(true);
  });

  it('the copy shortcut, once chosen in Settings, copies the active token', async () => {
    const accelerator = 'CommandOrControl+Shift+T';
    expect(await fx.shell.send({ cmd: 'press-shortcut', accelerator })).toBe(false);
    expect((await fx.invoke('setPreferences', [{ copyShortcut: accelerator }])).ok).toBe(true);
    expect(await fx.shell.send({ cmd: 'press-shortcut', accelerator })).toBe(true);
    await expect.poll(async () => (await clipboard()).length > 20, { timeout: 10_000 }).toBe(true);
    await fx.invoke('setPreferences', [{ copyShortcut: null }]);
    expect(await fx.shell.send({ cmd: 'press-shortcut', accelerator })).toBe(false);
  });

  it('signs out from the tray', async () => {
    await fx.clickTray(`sign-out:${fx.profileId}`);
    await expect.poll(async () => (await fx.labels()).includes('Acme: Signed out'), { timeout: 10_000 }).toBe(true);
  });

  it('quits from the tray, tidying up first', async () => {
    await fx.clickTray('quit');
    expect(await fx.shell.exited).toBe(0);
  });

  it('wrote its log in the config folder without any token', () => {
    const logFile = join(fx.configDir, 'logs', 'main.log');
    expect(existsSync(logFile)).toBe(true);
    const text = readFileSync(logFile, 'utf8');
    expect(copiedToken.length).toBeGreaterThan(20);
    expect(text.includes(copiedToken)).toBe(false);
    expect(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/.test(text)).toBe(false);
  });
});
