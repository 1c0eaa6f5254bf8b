/**
 * The electron-updater settings, as plain data, so the shell and the feed test apply the same
 * ones: download in the background, install on the next quit, never go back to an older
 * version, and follow the channel of the running version ("latest", or "beta" for 1.2.0-beta.1).
 */

/** Settings applied to electron-updater's AppUpdater (in this order: channel, then the rest). */
export interface UpdaterSettings {
  channel: string;
  allowPrerelease: boolean;
  allowDowngrade: false;
  autoDownload: true;
  autoInstallOnAppQuit: true;
  /** Only used when the installer is run visibly. */
  autoRunAppAfterInstall: true;
}

/** The channel of a version: the first pre-release word ("beta" in 1.2.0-beta.1), else "latest". */
export function channelOf(version: string): string {
  const pre = /^\d+\.\d+\.\d+-([0-9A-Za-z-]+)/.exec(version)?.[1];
  if (!pre || /^\d+$/.test(pre)) return 'latest';
  return pre.toLowerCase();
}

/** The settings for the running version. */
export function updaterSettings(currentVersion: string): UpdaterSettings {
  const channel = channelOf(currentVersion);
  return {
    channel,
    allowPrerelease: channel !== 'latest',
    allowDowngrade: false,
    autoDownload: true,
    autoInstallOnAppQuit: true,
    autoRunAppAfterInstall: true,
  };
}

/** The part of electron-updater's AppUpdater the settings are written to. */
export interface UpdaterSettingsTarget {
  channel: string | null;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  autoRunAppAfterInstall: boolean;
}

/** Writes the settings; the channel first, because setting it turns allowDowngrade on. */
export function applyUpdaterSettings(target: UpdaterSettingsTarget, settings: UpdaterSettings): void {
  target.channel = settings.channel;
  target.allowPrerelease = settings.allowPrerelease;
  target.allowDowngrade = settings.allowDowngrade;
  target.autoDownload = settings.autoDownload;
  target.autoInstallOnAppQuit = settings.autoInstallOnAppQuit;
  target.autoRunAppAfterInstall = settings.autoRunAppAfterInstall;
}
