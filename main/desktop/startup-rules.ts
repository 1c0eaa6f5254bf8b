/**
 * Pure start-up decisions: how to register the URL scheme (Electron documents
 * a different call in development), which tray image to use, and where the
 * built files are. Unit-tested without Electron.
 */
import { join, resolve } from 'node:path';

/** The arguments for `app.setAsDefaultProtocolClient`. */
export type ProtocolClientCall = [scheme: string] | [scheme: string, path: string, args: string[]];

/**
 * Packaged: just the scheme. In development (`process.defaultApp`, i.e. run as
 * `electron path/to/app`) Electron must be told to launch itself with the app
 * path, as its deep-link guide shows.
 */
export function protocolClientCall(
  scheme: string,
  defaultApp: boolean,
  execPath: string,
  argv: readonly string[],
): ProtocolClientCall | null {
  if (!defaultApp) return [scheme];
  const appPath = argv[1];
  if (appPath === undefined) return null;
  return [scheme, execPath, [resolve(appPath)]];
}

/** Which tray image file to load. */
export function trayIconFile(platform: NodeJS.Platform, darkPanel: boolean, signedIn: boolean): string {
  // macOS recolours "…Template" images for light, dark and highlighted menu bars itself.
  if (platform === 'darwin') return signedIn ? 'trayTemplate.png' : 'traySignedOutTemplate.png';
  const state = signedIn ? 'tray' : 'tray-signed-out';
  return `${state}-${darkPanel ? 'dark' : 'light'}.png`;
}

/** Built files the shell loads, relative to the bundled main script's folder (dist/main). */
export interface AppFiles {
  preload: string;
  rendererDir: string;
  trayAssetsDir: string;
}

/** Paths of the built preload, renderer and tray images. */
export function appFiles(mainDir: string, appPath: string): AppFiles {
  return {
    preload: join(mainDir, '..', 'preload', 'index.js'),
    rendererDir: join(mainDir, '..', 'renderer'),
    trayAssetsDir: join(appPath, 'assets', 'tray'),
  };
}
