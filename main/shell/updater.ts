/**
 * The thin adapter over electron-updater: gathers the facts the desktop rules decide from
 * (how this copy was installed, its macOS signature, write rights) and maps electron-updater's
 * events onto {@link UpdaterPort}. electron-updater is loaded only when a check is due.
 */
import { execFile } from 'node:child_process';
import { constants, existsSync, readFileSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { app } from 'electron';
import type { AppUpdater } from 'electron-updater';
import type { LogSink } from '../core';
import {
  applyUpdaterSettings,
  macSignatureFromCodesign,
  updaterSettings,
  type InstallKind,
  type MacSignature,
  type UpdateFacts,
  type UpdaterEvent,
  type UpdaterPort,
} from '../desktop';

const writable = (path: string) =>
  access(path, constants.W_OK).then(
    () => true,
    () => false,
  );

function installKind(): InstallKind {
  if (!app.isPackaged) return 'development';
  if (process.platform === 'darwin') return 'mac-app';
  if (process.platform === 'win32') {
    if (process.env.PORTABLE_EXECUTABLE_DIR) return 'portable';
    return existsSync(join(dirname(process.execPath), `Uninstall ${app.getName()}.exe`)) ? 'nsis' : 'unpacked';
  }
  const typeFile = join(process.resourcesPath, 'package-type');
  if (existsSync(typeFile) && readFileSync(typeFile, 'utf8').trim() === 'deb') return 'deb';
  return process.env.APPIMAGE ? 'appimage' : 'unpacked';
}

/** The .app bundle that holds the running binary (…/Token Tray.app/Contents/MacOS/Token Tray). */
const macBundle = () => dirname(dirname(dirname(process.execPath)));

function macSignature(): Promise<MacSignature> {
  return new Promise((resolve) => {
    execFile('codesign', ['-dv', '--verbose=2', macBundle()], { timeout: 5_000 }, (_err, stdout, stderr) =>
      resolve(macSignatureFromCodesign(`${stdout}\n${stderr}`)),
    );
  });
}

/** Where the updater has to write: the AppImage's folder, the .app's folder, the install folder. */
async function canWriteInstall(install: InstallKind): Promise<boolean> {
  if (install === 'appimage' && process.env.APPIMAGE) return writable(dirname(process.env.APPIMAGE));
  if (install === 'mac-app') return writable(dirname(macBundle()));
  if (install === 'nsis') return writable(dirname(process.execPath));
  // deb: dpkg runs behind an elevation prompt.
  return true;
}

/** The facts for `updateSupport`; `managed` is the organisation's settings (a later issue). */
export async function gatherUpdateFacts(managed?: UpdateFacts['managed']): Promise<UpdateFacts> {
  const install = installKind();
  return {
    install,
    macSignature: install === 'mac-app' ? await macSignature() : undefined,
    canWriteInstall: await canWriteInstall(install),
    env: process.env,
    managed,
  };
}

/** electron-updater behind an {@link UpdaterPort}. */
export function createElectronUpdaterPort(log: LogSink): UpdaterPort {
  const listeners: Array<(event: UpdaterEvent) => void> = [];
  const emit = (event: UpdaterEvent) => listeners.forEach((listener) => listener(event));
  let loaded: Promise<AppUpdater> | null = null;
  let listening = false;
  const updater = (): Promise<AppUpdater> => {
    loaded ??= import('electron-updater').then(({ autoUpdater }) => {
      applyUpdaterSettings(autoUpdater, updaterSettings(app.getVersion()));
      autoUpdater.logger = log;
      listening = true;
      autoUpdater.on('update-available', (info) => emit({ type: 'available', version: info.version }));
      autoUpdater.on('update-not-available', () => emit({ type: 'not-available' }));
      autoUpdater.on('download-progress', (progress) => emit({ type: 'progress', percent: progress.percent }));
      autoUpdater.on('update-downloaded', (info) => emit({ type: 'downloaded', version: info.version }));
      autoUpdater.on('error', (error) => emit({ type: 'error', error }));
      return autoUpdater;
    });
    return loaded;
  };
  return {
    check() {
      // Failures also arrive as 'error' events; the promise's rejection is only a duplicate.
      void updater()
        .then((u) => u.checkForUpdates())
        .catch((error: unknown) => {
          if (!listening) emit({ type: 'error', error });
        });
    },
    installNow() {
      // Windows: the per-user NSIS installer runs silently and starts the new version.
      void updater().then((u) => u.quitAndInstall(process.platform === 'win32', true));
    },
    onEvent(listener) {
      listeners.push(listener);
    },
  };
}
