/**
 * The bundled main process, run under Node with only Electron replaced by a
 * recording stand-in: start-up order, IPC registration and the sender check,
 * the window's security, the app:// renderer, the tray against the real
 * engine, sign-in through a deep link against pm-server, copy and clear, quit.
 * (The Playwright `_electron` specs in test/e2e do the same in real Electron.)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, channelPrefix } from '../../../main/contract/ipc';
import { createKeytarSecretStore, createTokenEngine } from '../../../main/core';
import type { MenuItemTemplate } from '../../../main/core/tray-menu';
import { authorizeInBrowser } from '../../server/browser';
import { startPmServer, type PmServer } from '../../server';
import { buildShell, startShell, type ShellProcess } from './support/shell-process';

type TrayState = { menu: MenuItemTemplate[]; tooltip: string; image: string; openedUrls: string[] } | null;
const flat = (items: MenuItemTemplate[]): string[] =>
  items.flatMap((i) => [i.label ?? '---', ...flat(i.submenu ?? [])]);

let pm: PmServer;
let built: Awaited<ReturnType<typeof buildShell>>;
let configDir: string;
let shell: ShellProcess;
let profileId: string;
let copiedToken = '';
const staleLink = 'pmtokentray://oauth/callback?code=old&state=not-waiting';

const tray = () => shell.send<TrayState>({ cmd: 'tray' });
const labels = async () => flat((await tray())?.menu ?? []);

beforeAll(async () => {
  pm = await startPmServer();
  built = await buildShell();
  configDir = mkdtempSync(join(tmpdir(), 'token-tray-shell-'));
  const engine = createTokenEngine({
    fetch,
    secrets: createKeytarSecretStore('Token Tray'),
    configDir,
    openBrowser: async () => undefined,
  });
  const client = pm.seed.codeClient;
  profileId = (
    await engine.addProfile({
      name: 'Acme',
      instanceUrl: pm.url,
      clientId: String(client.id),
      clientSecret: client.secret ?? undefined,
      grant: 'authorization_code',
      redirectMode: 'app',
    })
  ).id;
  await engine.dispose();
  // First launch with a link in argv (as Windows and Linux start the app from a browser).
  shell = startShell(built, configDir, ['--some-switch', staleLink]);
  await vi.waitFor(
    async () => {
      if ((await tray()) === null) throw new Error(`the app did not finish starting: ${shell.stderr().slice(-500)}`);
    },
    { timeout: 20_000, interval: 100 },
  );
}, 60_000);

afterAll(async () => {
  shell?.child.kill();
  built?.remove();
  await pm?.close();
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

describe('the tray app process (Electron replaced by a recording stand-in)', () => {
  it('takes the single-instance lock first and registers the scheme in the development form', async () => {
    const calls = (await shell.send<Array<[string, ...unknown[]]>>({ cmd: 'calls' })).map((c) => c[0]);
    expect(calls.indexOf('requestSingleInstanceLock')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('requestSingleInstanceLock')).toBeLessThan(calls.indexOf('setAsDefaultProtocolClient'));
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('ready'));
    expect(calls.indexOf('setAsDefaultProtocolClient')).toBeLessThan(calls.indexOf('ready'));
    const protocolCall = (await shell.send<Array<[string, ...unknown[]]>>({ cmd: 'calls' })).find(
      (c) => c[0] === 'setAsDefaultProtocolClient',
    );
    expect(protocolCall?.slice(1)).toEqual(['pmtokentray', process.execPath, [resolve(built.main)]]);
  });

  it('handled the first launch’s link after start-up, and said plainly that it matched no sign-in', async () => {
    await expect
      .poll(async () => shell.send<Array<{ title: string; body: string }>>({ cmd: 'notifications' }), {
        timeout: 10_000,
      })
      .toContainEqual({
        title: 'Sign-in link not recognised',
        body: expect.stringMatching(/^That sign-in link does not belong to a sign-in started here\./),
      });
  });

  it('registers every channel, and answers foreign senders and iframes with forbidden', async () => {
    const channels = await shell.send<string[]>({ cmd: 'channels' });
    expect(channels.filter((c) => c.startsWith(channelPrefix)).sort()).toEqual(
      channelNames.map((n) => `${channelPrefix}${n}`).sort(),
    );
    const foreign = await shell.send({
      cmd: 'invoke',
      channel: `${channelPrefix}listProfiles`,
      args: [],
      sender: 'foreign',
    });
    expect(foreign).toEqual({
      ok: false,
      error: { code: 'forbidden_origin', message: 'Only Token Tray’s own window may ask for this.' },
    });
  });

  it('shows the profile signed out in the tray, with the light-panel icon', async () => {
    expect(await labels()).toEqual(
      expect.arrayContaining(['Acme', 'Signed out', 'Copy access token', 'Sign in…', 'Open Token Tray…', 'Quit']),
    );
    const state = await tray();
    expect(state?.tooltip).toBe('Token Tray — Acme: Signed out');
    expect(state?.image).toBe(join(process.cwd(), 'assets', 'tray', 'tray-signed-out-light.png'));
  });

  it('signs in through a pmtokentray:// link from a second launch', async () => {
    // Click "Sign in…" in the tray: the engine opens the browser (recorded in e2e mode).
    await clickTray(`sign-in:${profileId}`);
    await expect.poll(async () => (await tray())?.openedUrls.length ?? 0, { timeout: 10_000 }).toBe(1);
    const authorizeUrl = (await tray())?.openedUrls[0] ?? '';
    const location = await authorizeInBrowser(authorizeUrl, pm.seed.user);
    expect(location.startsWith('pmtokentray://oauth/callback?')).toBe(true);
    await shell.send({
      cmd: 'emit',
      event: 'second-instance',
      args: [{}, ['/opt/token-tray', '--flag', location], '/'],
    });
    const name = `${pm.seed.user.firstname} ${pm.seed.user.lastname}`;
    await expect
      .poll(async () => (await labels()).some((l) => l.startsWith(`Signed in as ${name} · expires in`)), {
        timeout: 15_000,
      })
      .toBe(true);
    expect((await tray())?.tooltip).toMatch(/^Token Tray — Acme: expires in \d+/);
    await expect
      .poll(async () =>
        (await shell.send<Array<{ title: string }>>({ cmd: 'notifications' })).some((n) => n.title === 'Signed in'),
      )
      .toBe(true);
  });

  it('copies a working token from the tray, notifies, and clears it after the delay', async () => {
    // A bare second launch opens the window; the window sets a short delay.
    await shell.send({ cmd: 'emit', event: 'second-instance', args: [{}, ['/opt/token-tray'], '/'] });
    await expect.poll(async () => (await shell.send<unknown[]>({ cmd: 'windows' })).length).toBe(1);
    const set = await shell.send<{ ok: boolean }>({
      cmd: 'invoke',
      channel: `${channelPrefix}setPreferences`,
      args: [{ clipboardClearSeconds: 1 }],
      sender: 'window',
    });
    expect(set.ok).toBe(true);
    await clickTray(`copy:${profileId}`);
    await expect
      .poll(async () => (await shell.send<string>({ cmd: 'clipboard' })).length > 20, { timeout: 10_000 })
      .toBe(true);
    const token = await shell.send<string>({ cmd: 'clipboard' });
    copiedToken = token;
    const response = await fetch(`${pm.url}/api/1.0/users`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    expect(await shell.send({ cmd: 'notifications' })).toContainEqual({
      title: 'Token Tray',
      body: 'Token copied — clears in 1 s',
    });
    await expect
      .poll(async () => (await shell.send<string>({ cmd: 'clipboard' })) === '', { timeout: 10_000 })
      .toBe(true);
  });

  it('opens one secure window on app://, denying new windows and navigation', async () => {
    const [win] = await shell.send<
      Array<{ visible: boolean; options: { show: boolean; webPreferences: Record<string, unknown> } }>
    >({ cmd: 'windows' });
    expect(win?.visible).toBe(true);
    expect(win?.options.show).toBe(false);
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(built.dir, 'preload', 'index.js'),
    });
    const calls = await shell.send<Array<[string, ...unknown[]]>>({ cmd: 'calls' });
    expect(calls.filter((c) => c[0] === 'loadURL')).toEqual([['loadURL', 'app://token-tray/index.html']]);
    expect(await shell.send({ cmd: 'window-open', url: 'https://docs.example/help' })).toEqual({ action: 'deny' });
    expect(await shell.send({ cmd: 'window-open', url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(await shell.send({ cmd: 'navigate', url: 'https://evil.example/' })).toBe(true);
    const trusted = await shell.send<{ ok: boolean }>({
      cmd: 'invoke',
      channel: `${channelPrefix}listProfiles`,
      args: [],
      sender: 'window',
    });
    expect(trusted.ok).toBe(true);
    const iframe = await shell.send<{ ok: boolean }>({
      cmd: 'invoke',
      channel: `${channelPrefix}listProfiles`,
      args: [],
      sender: 'iframe',
    });
    expect(iframe.ok).toBe(false);
  });

  it('serves the renderer from app:// with the CSP, and nothing outside it', async () => {
    const index = await shell.send<{ status: number; type: string; csp: string }>({
      cmd: 'fetch-app',
      url: 'app://token-tray/index.html',
    });
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(index.csp).toContain("default-src 'none'");
    expect(await shell.send({ cmd: 'fetch-app', url: 'app://token-tray/..%2f..%2fpackage.json' })).toMatchObject({
      status: 404,
    });
  });

  it('the copy shortcut, once chosen in Settings, copies the active token', async () => {
    const accelerator = 'CommandOrControl+Shift+T';
    expect(await shell.send({ cmd: 'press-shortcut', accelerator })).toBe(false);
    const set = await shell.send<{ ok: boolean }>({
      cmd: 'invoke',
      channel: `${channelPrefix}setPreferences`,
      args: [{ copyShortcut: accelerator }],
      sender: 'window',
    });
    expect(set.ok).toBe(true);
    await shell.send({ cmd: 'set-clipboard', text: '' });
    expect(await shell.send({ cmd: 'press-shortcut', accelerator })).toBe(true);
    await expect
      .poll(async () => (await shell.send<string>({ cmd: 'clipboard' })).length > 20, { timeout: 10_000 })
      .toBe(true);
    await shell.send({
      cmd: 'invoke',
      channel: `${channelPrefix}setPreferences`,
      args: [{ copyShortcut: null }],
      sender: 'window',
    });
    expect(await shell.send({ cmd: 'press-shortcut', accelerator })).toBe(false);
  });

  it('signs out from the tray', async () => {
    await clickTray(`sign-out:${profileId}`);
    await expect.poll(async () => (await labels()).includes('Signed out'), { timeout: 10_000 }).toBe(true);
    expect((await tray())?.image).toBe(join(process.cwd(), 'assets', 'tray', 'tray-signed-out-light.png'));
  });

  it('quits from the tray, tidying up first', async () => {
    await clickTray('quit');
    expect(await shell.exited).toBe(0);
  });

  it('wrote its log in the config folder without any token', () => {
    const logFile = join(configDir, 'logs', 'main.log');
    expect(existsSync(logFile)).toBe(true);
    const text = readFileSync(logFile, 'utf8');
    expect(copiedToken.length).toBeGreaterThan(20);
    expect(text.includes(copiedToken)).toBe(false);
    expect(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/.test(text)).toBe(false);
  });
});

async function clickTray(id: string): Promise<void> {
  await shell.send({ cmd: 'click', item: id });
}
