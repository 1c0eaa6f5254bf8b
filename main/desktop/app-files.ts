/**
 * Where the built files the shell loads are, relative to the bundled main script.
 */
import { join } from 'node:path';

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
