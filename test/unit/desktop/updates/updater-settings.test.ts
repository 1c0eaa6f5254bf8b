import { describe, expect, it } from 'vitest';
import { applyUpdaterSettings, channelOf, updaterSettings } from '../../../../main/desktop';

describe('electron-updater settings', () => {
  it('follows the running version’s channel', () => {
    expect(channelOf('1.2.0')).toBe('latest');
    expect(channelOf('1.2.0-beta.3')).toBe('beta');
    expect(channelOf('1.2.0-Alpha')).toBe('alpha');
    expect(channelOf('1.2.0-0')).toBe('latest');
    expect(updaterSettings('1.2.0-beta.3')).toMatchObject({ channel: 'beta', allowPrerelease: true });
    expect(updaterSettings('1.2.0')).toMatchObject({ channel: 'latest', allowPrerelease: false });
  });

  it('downloads in the background, installs on quit, and never goes back a version', () => {
    expect(updaterSettings('1.0.0')).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
    });
  });

  it('writes the channel first, so its side effect on allowDowngrade is undone', () => {
    // electron-updater's channel setter turns allowDowngrade on, like this one.
    const target = {
      allowDowngrade: false,
      allowPrerelease: false,
      autoDownload: false,
      autoInstallOnAppQuit: false,
      autoRunAppAfterInstall: false,
      ch: null as string | null,
      get channel() {
        return this.ch;
      },
      set channel(value: string | null) {
        this.ch = value;
        this.allowDowngrade = true;
      },
    };
    applyUpdaterSettings(target, updaterSettings('2.0.0-beta.1'));
    expect(target).toMatchObject({ ch: 'beta', allowDowngrade: false, allowPrerelease: true, autoDownload: true });
  });
});
