/**
 * Where the settings file lives: the same folder Electron uses as `userData`
 * for productName "Token Tray", so the app and the CLI open the same
 * `config.json`.
 */
import { homedir } from 'node:os';
import { join, win32, posix } from 'node:path';

/** The product name Electron derives `userData` from. */
export const PRODUCT_NAME = 'Token Tray';

/** Inputs for {@link defaultConfigDir}; defaults come from the running process. */
export interface ConfigDirContext {
  env?: Record<string, string | undefined>;
  platform?: NodeJS.Platform;
  home?: string;
}

/**
 * The app's `userData` folder: `$XDG_CONFIG_HOME/Token Tray` (or `~/.config/Token Tray`) on Linux,
 * `~/Library/Application Support/Token Tray` on macOS, `%APPDATA%\Token Tray` on Windows.
 * `PMTOKEN_CONFIG_DIR` overrides it.
 */
export function defaultConfigDir(context: ConfigDirContext = {}): string {
  const env = context.env ?? process.env;
  const platform = context.platform ?? process.platform;
  const home = context.home ?? homedir();
  const override = env.PMTOKEN_CONFIG_DIR?.trim();
  if (override) return override;
  if (platform === 'win32') {
    const appData = env.APPDATA?.trim() || win32.join(home, 'AppData', 'Roaming');
    return win32.join(appData, PRODUCT_NAME);
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  const xdg = env.XDG_CONFIG_HOME?.trim();
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.config'), PRODUCT_NAME);
}
