/**
 * The bundled main process under Node with only Electron replaced by a
 * recording stand-in: start-up order, the first launch's link, IPC
 * registration and the sender check, the window's security and the app://
 * renderer. (test/e2e does the same in real Electron where it exists.)
 */
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, channelPrefix } from '../../../main/contract/ipc';
import { startShellFixture, type ShellFixture } from './support/shell-fixture';

let fx: ShellFixture;
const staleLink = 'pmtokentray://oauth/callback?code=old&state=not-waiting';
type Call = [string, ...unknown[]];

beforeAll(async () => {
  // First launch with a link in argv, as Windows and Linux start the app from a browser.
  fx = await startShellFixture(['--some-switch', staleLink]);
}, 60_000);
afterAll(async () => fx?.close());

describe('starting the tray app (Electron replaced by a recording stand-in)', () => {
  it('takes the single-instance lock first and registers the scheme in the development form', async () => {
    const calls = await fx.shell.send<Call[]>({ cmd: 'calls' });
    const names = calls.map((c) => c[0]);
    expect(names.indexOf('requestSingleInstanceLock')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('requestSingleInstanceLock')).toBeLessThan(names.indexOf('setAsDefaultProtocolClient'));
    expect(names.indexOf('registerSchemesAsPrivileged')).toBeLessThan(names.indexOf('ready'));
    expect(names.indexOf('setAsDefaultProtocolClient')).toBeLessThan(names.indexOf('ready'));
    const protocolCall = calls.find((c) => c[0] === 'setAsDefaultProtocolClient');
    expect(protocolCall?.slice(1)).toEqual(['pmtokentray', process.execPath, [resolve(fx.built.main)]]);
  });

  it('handles the first launch’s link after start-up, saying plainly that it matched no sign-in', async () => {
    await expect
      .poll(async () => fx.shell.send<Array<{ title: string; body: string }>>({ cmd: 'notifications' }), {
        timeout: 10_000,
      })
      .toContainEqual({
        title: 'Sign-in link not recognised',
        body: expect.stringMatching(/^That sign-in link does not belong to a sign-in started here\./),
      });
  });

  it('registers every channel, and refuses other senders before a window exists', async () => {
    const channels = await fx.shell.send<string[]>({ cmd: 'channels' });
    expect(channels.filter((c) => c.startsWith(channelPrefix)).sort()).toEqual(
      channelNames.map((n) => `${channelPrefix}${n}`).sort(),
    );
    expect(await fx.invoke('listProfiles', [], 'foreign')).toMatchObject({
      ok: false,
      error: {
        code: 'forbidden_origin',
        key: 'error.ipc.forbidden',
        message: 'Only Token Tray’s own window may ask for this.',
      },
    });
  });

  it('a bare second launch opens one secure window on app://, denying new windows and navigation', async () => {
    await fx.shell.send({ cmd: 'emit', event: 'second-instance', args: [{}, ['/opt/token-tray'], '/'] });
    type Win = { visible: boolean; options: { show: boolean; webPreferences: Record<string, unknown> } };
    await expect.poll(async () => (await fx.shell.send<Win[]>({ cmd: 'windows' }))[0]?.visible ?? false).toBe(true);
    const [win] = await fx.shell.send<Win[]>({ cmd: 'windows' });
    expect(win?.options.show).toBe(false);
    expect(win?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      preload: join(fx.built.dir, 'preload', 'index.js'),
    });
    const calls = await fx.shell.send<Call[]>({ cmd: 'calls' });
    expect(calls.filter((c) => c[0] === 'loadURL')).toEqual([['loadURL', 'app://token-tray/index.html']]);
    expect(await fx.shell.send({ cmd: 'window-open', url: 'https://docs.example/help' })).toEqual({ action: 'deny' });
    expect(await fx.shell.send({ cmd: 'window-open', url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(await fx.shell.send({ cmd: 'navigate', url: 'https://evil.example/' })).toBe(true);
  });

  it('answers the window, but not an iframe in it nor another webContents', async () => {
    expect((await fx.invoke('listProfiles', [], 'window')).ok).toBe(true);
    expect((await fx.invoke('listProfiles', [], 'iframe')).ok).toBe(false);
    expect((await fx.invoke('listProfiles', [], 'foreign')).ok).toBe(false);
  });

  it('serves the renderer from app:// with the CSP, and nothing outside it', async () => {
    const index = await fx.shell.send<{ status: number; type: string; csp: string }>({
      cmd: 'fetch-app',
      url: 'app://token-tray/index.html',
    });
    expect(index).toMatchObject({ status: 200, type: 'text/html; charset=utf-8' });
    expect(index.csp).toContain("default-src 'none'");
    expect(await fx.shell.send({ cmd: 'fetch-app', url: 'app://token-tray/..%2f..%2fpackage.json' })).toMatchObject({
      status: 404,
    });
  });
});
