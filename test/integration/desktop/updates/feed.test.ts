/**
 * electron-updater's own feed handling (GenericProvider, version comparison, download with
 * sha512 check), run in plain Node against a feed on 127.0.0.1 with the app's updater settings
 * applied: the parts of updating that need no Electron. Only Electron's app and net are
 * replaced (a temp-folder app adapter, and Node's HTTP client under electron-updater's download).
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DebUpdater } from 'electron-updater';
import type { AppAdapter } from 'electron-updater/out/AppAdapter';
import { afterEach, describe, expect, it } from 'vitest';
import { applyUpdaterSettings, classifyUpdateError, updaterSettings } from '../../../../main/desktop';
import { installerBytes, sha512, startFeedServer, type FeedServer } from './feed-server';
import { NodeUpdateExecutor } from './node-executor';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function feed(channels: Parameters<typeof startFeedServer>[0]): Promise<FeedServer> {
  const server = await startFeedServer(channels);
  cleanups.push(() => server.close());
  return server;
}

/** A Linux (deb) updater of an installed Token Tray `version`, reading `url`. */
async function updaterFor(version: string, url: string): Promise<DebUpdater> {
  const dir = await mkdtemp(join(tmpdir(), 'token-tray-updates-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const configPath = join(dir, 'app-update.yml');
  await writeFile(configPath, `provider: generic\nurl: ${url}\nupdaterCacheDirName: token-tray-updater\n`);
  const app: AppAdapter = {
    version,
    name: 'Token Tray',
    isPackaged: true,
    appUpdateConfigPath: configPath,
    userDataPath: dir,
    baseCachePath: dir,
    whenReady: async () => undefined,
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const updater = new DebUpdater(undefined, app);
  const internal = updater as unknown as { httpExecutor: unknown; _testOnlyOptions: unknown };
  internal.httpExecutor = new NodeUpdateExecutor();
  // Read the Linux channel files whatever system runs the test.
  internal._testOnlyOptions = { platform: 'linux' };
  // The provider takes the HTTP client and platform above when it is made.
  updater.setFeedURL({ provider: 'generic', url });
  updater.logger = null;
  applyUpdaterSettings(updater, updaterSettings(version));
  return updater;
}

describe('the update feed, read by electron-updater with the app’s settings', () => {
  it('finds a newer version in latest-linux.yml and downloads it with its sha512 checked', async () => {
    const bytes = installerBytes();
    const server = await feed({ 'latest-linux.yml': { version: '1.1.0', file: 'token-tray-1.1.0.deb', bytes } });
    const updater = await updaterFor('1.0.0', server.url);
    const result = await updater.checkForUpdates();
    expect(result?.isUpdateAvailable).toBe(true);
    expect(result?.updateInfo.version).toBe('1.1.0');
    expect(result?.updateInfo.files[0]?.sha512).toBe(sha512(bytes));
    const [downloaded = ''] = (await result?.downloadPromise) ?? [];
    expect(readFileSync(downloaded).equals(bytes)).toBe(true);
    expect(server.requests).toEqual(['/latest-linux.yml', '/token-tray-1.1.0.deb']);
  });

  it('offers nothing for the same version, and never an older one', async () => {
    const bytes = installerBytes(1024);
    const server = await feed({ 'latest-linux.yml': { version: '1.1.0', file: 'token-tray-1.1.0.deb', bytes } });
    for (const version of ['1.1.0', '1.2.0']) {
      const result = await (await updaterFor(version, server.url)).checkForUpdates();
      expect({ version, available: result?.isUpdateAvailable }).toEqual({ version, available: false });
    }
    expect(server.requests).not.toContain('/token-tray-1.1.0.deb');
  });

  it('keeps a beta on the beta channel: beta-linux.yml, pre-releases allowed', async () => {
    const server = await feed({
      'latest-linux.yml': { version: '1.0.0', file: 'token-tray-1.0.0.deb', bytes: installerBytes(1024) },
      'beta-linux.yml': { version: '1.1.0-beta.2', file: 'token-tray-1.1.0-beta.2.deb', bytes: installerBytes(1024) },
    });
    const updater = await updaterFor('1.1.0-beta.1', server.url);
    updater.autoDownload = false;
    const result = await updater.checkForUpdates();
    expect(server.requests).toEqual(['/beta-linux.yml']);
    expect(result?.isUpdateAvailable).toBe(true);
    expect(result?.updateInfo.version).toBe('1.1.0-beta.2');
  });

  it('refuses a download whose sha512 does not match the feed, and keeps nothing ready to install', async () => {
    const server = await feed({
      'latest-linux.yml': {
        version: '1.1.0',
        file: 'token-tray-1.1.0.deb',
        bytes: installerBytes(),
        claimedSha512: sha512(installerBytes()),
      },
    });
    const updater = await updaterFor('1.0.0', server.url);
    let downloadedEvents = 0;
    updater.on('update-downloaded', () => downloadedEvents++);
    updater.on('error', () => undefined);
    const result = await updater.checkForUpdates();
    const failure = await (result?.downloadPromise ?? Promise.resolve([])).then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(failure?.message).toMatch(/sha512 checksum mismatch/);
    expect(classifyUpdateError(failure)).toBe('other');
    expect(downloadedEvents).toBe(0);
  });

  it('reports a feed it cannot reach as "no connection"', async () => {
    const server = await feed({});
    const url = server.url;
    await server.close();
    cleanups.length = 0;
    const updater = await updaterFor('1.0.0', url);
    updater.on('error', () => undefined);
    const failure = await updater.checkForUpdates().then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).not.toBeNull();
    expect(classifyUpdateError(failure)).toBe('offline');
  });
});
