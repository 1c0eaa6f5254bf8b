/**
 * The whole app in Electron, driven by Playwright's `_electron`: start in the
 * tray, sign in through a pmtokentray:// deep link against pm-server, copy a
 * working token, see the clipboard cleared, open the locked-down window.
 * Runs where an Electron binary (and a display) exists; elsewhere every test
 * is reported as skipped, with the reason in the suite name and a warning.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TokenTrayApi } from '../../main/contract/ipc';
import { authorizeInBrowser } from '../server/browser';
import { startPmServer, type PmServer } from '../server';
import { addAcmeProfile } from './support/acme-profile';
import { buildApp, findElectronBinary, launchApp, type LaunchedApp } from './support/electron-app';
import { clickTray, openedUrls, trayLabels, trayTooltip } from './support/tray-hooks';

const electron = findElectronBinary();
if (electron.reason) console.warn(`Electron e2e specs skipped: ${electron.reason}`);
const suiteName = `the tray app in Electron${electron.reason ? ` (skipped: ${electron.reason})` : ''}`;

describe.skipIf(electron.path === null)(suiteName, () => {
  let pm: PmServer;
  let launched: LaunchedApp;
  let configDir: string;
  let profileId: string;

  const readClipboard = () => launched.app.evaluate(async ({ clipboard }) => String(await clipboard.readText()));

  beforeAll(async () => {
    buildApp();
    pm = await startPmServer();
    configDir = mkdtempSync(join(tmpdir(), 'token-tray-e2e-'));
    // Set up the profile the way the CLI would: same settings file, same keychain service.
    profileId = await addAcmeProfile(pm, configDir);
    // English whatever the runner's system language: the spec reads the tray's English words.
    launched = await launchApp(electron.path as string, {
      configDir,
      preferences: { clipboardClearSeconds: 2, language: 'en' },
    });
  }, 180_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await launched?.saveFailureArtifacts(context.task.name);
  });

  afterAll(async () => {
    await launched?.close();
    await pm?.close();
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });

  it('starts in the tray with the profile signed out', async () => {
    await expect.poll(() => trayLabels(launched.app), { timeout: 20_000 }).toContain('Acme: Signed out');
    expect(await trayLabels(launched.app)).toEqual(
      expect.arrayContaining(['Sign in to Acme…', 'Open Token Tray…', 'Try an API request…', 'Quit Token Tray']),
    );
    expect(await trayLabels(launched.app)).not.toContain('Copy token: Acme');
    expect(await trayTooltip(launched.app)).toBe('Token Tray — Acme: Signed out');
  });

  it('signs in through a pmtokentray:// link handed over by a second launch', async () => {
    await clickTray(launched.app, `sign-in:${profileId}`);
    await expect.poll(async () => (await openedUrls(launched.app)).length, { timeout: 10_000 }).toBe(1);
    const [authorizeUrl = ''] = await openedUrls(launched.app);
    expect(authorizeUrl.startsWith(`${pm.url}/oauth/authorize?`)).toBe(true);
    const location = await authorizeInBrowser(authorizeUrl, pm.seed.user);
    expect(location.startsWith('pmtokentray://oauth/callback?')).toBe(true);
    // What Windows and Linux do when the browser opens the link: a second instance with the URL in argv.
    await launched.app.evaluate(({ app }, url) => {
      app.emit('second-instance', {}, [process.execPath, '--some-chromium-switch', url], process.cwd(), {});
    }, location);
    await expect
      .poll(
        async () =>
          (await trayLabels(launched.app)).some((l) =>
            l.startsWith(`Acme: Signed in as ${pm.seed.user.firstname} ${pm.seed.user.lastname}`),
          ),
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(await trayTooltip(launched.app)).toMatch(/^Token Tray — Acme: Signed in as .* · renews automatically$/);
    expect(await trayLabels(launched.app)).toContain('Copy token: Acme');
  });

  it('copies a working token from the tray and clears the clipboard afterwards', async () => {
    await clickTray(launched.app, `copy:${profileId}`);
    await expect.poll(async () => (await readClipboard()).length > 20, { timeout: 10_000 }).toBe(true);
    const token = await readClipboard();
    const response = await fetch(`${pm.url}/api/1.0/users`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    });
    expect(response.status).toBe(200);
    await expect.poll(async () => (await readClipboard()) === '', { timeout: 15_000 }).toBe(true);
  });

  it('a second launch opens the window: sandboxed, no Node, only window.tokenTray', async () => {
    await launched.app.evaluate(({ app }) => {
      app.emit('second-instance', {}, [process.execPath], process.cwd(), {});
    });
    const page = await launched.app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const facts = await page.evaluate(() => ({
      url: location.href,
      api: typeof (window as unknown as { tokenTray?: TokenTrayApi }).tokenTray?.listProfiles,
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(facts).toEqual({
      url: 'app://token-tray/index.html',
      api: 'function',
      require: 'undefined',
      process: 'undefined',
    });
    const listed = await page.evaluate(() =>
      (window as unknown as { tokenTray: TokenTrayApi }).tokenTray.listProfiles(),
    );
    expect(listed.ok && listed.value.map((p) => p.name)).toEqual(['Acme']);
    const visible = await launched.app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().some((w) => w.isVisible()),
    );
    expect(visible).toBe(true);
  });
});
