/**
 * How to register the pmtokentray:// scheme with the OS: Electron documents a different call when the
 * app runs from source (`electron .`) than when it is packaged.
 */
import { resolve } from 'node:path';

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
