import { describe, expect, it } from 'vitest';
import { defaultConfigDir } from '../../../../main/core/profiles';

describe('defaultConfigDir matches Electron’s userData for "Token Tray"', () => {
  it('Linux: $XDG_CONFIG_HOME/Token Tray, else ~/.config/Token Tray', () => {
    expect(defaultConfigDir({ platform: 'linux', home: '/home/ann', env: {} })).toBe('/home/ann/.config/Token Tray');
    expect(defaultConfigDir({ platform: 'linux', home: '/home/ann', env: { XDG_CONFIG_HOME: '/x/cfg' } })).toBe(
      '/x/cfg/Token Tray',
    );
  });
  it('macOS: ~/Library/Application Support/Token Tray', () => {
    expect(defaultConfigDir({ platform: 'darwin', home: '/Users/ann', env: {} })).toBe(
      '/Users/ann/Library/Application Support/Token Tray',
    );
  });
  it('Windows: %APPDATA%\\Token Tray', () => {
    expect(
      defaultConfigDir({
        platform: 'win32',
        home: 'C:\\Users\\ann',
        env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' },
      }),
    ).toBe('C:\\Users\\ann\\AppData\\Roaming\\Token Tray');
  });
  it('PMTOKEN_CONFIG_DIR overrides everything', () => {
    expect(defaultConfigDir({ platform: 'darwin', home: '/Users/ann', env: { PMTOKEN_CONFIG_DIR: '/tmp/pm' } })).toBe(
      '/tmp/pm',
    );
  });
});
