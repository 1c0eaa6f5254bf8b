import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { autostartDesktopEntry, autostartFile, setLinuxAutostart } from '../../../main/desktop';
import { redactLogData } from '../../../main/core/log';
import { appFiles, protocolClientCall, trayIconFile } from '../../../main/desktop';

describe('URL scheme registration', () => {
  it('packaged: registers just the scheme', () => {
    expect(
      protocolClientCall('pmtokentray', false, '/opt/Token Tray/token-tray', ['/opt/Token Tray/token-tray']),
    ).toEqual(['pmtokentray']);
  });

  it('development: registers electron with the resolved app path, as Electron documents', () => {
    expect(
      protocolClientCall('pmtokentray', true, '/repo/node_modules/electron/dist/electron', [
        '/repo/node_modules/electron/dist/electron',
        '.',
      ]),
    ).toEqual(['pmtokentray', '/repo/node_modules/electron/dist/electron', [resolve('.')]]);
    expect(protocolClientCall('pmtokentray', true, '/x/electron', ['/x/electron'])).toBeNull();
  });
});

describe('tray images', () => {
  it('uses template images on macOS and theme variants elsewhere', () => {
    expect(trayIconFile('darwin', true, true)).toBe('trayTemplate.png');
    expect(trayIconFile('darwin', false, false)).toBe('traySignedOutTemplate.png');
    expect(trayIconFile('win32', true, true)).toBe('tray-dark.png');
    expect(trayIconFile('linux', false, true)).toBe('tray-light.png');
    expect(trayIconFile('linux', true, false)).toBe('tray-signed-out-dark.png');
  });

  it('every image the tray can ask for exists, with its @2x', () => {
    const dir = appFiles(join(process.cwd(), 'dist', 'main'), process.cwd()).trayAssetsDir;
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const dark of [true, false]) {
        for (const signedIn of [true, false]) {
          const file = trayIconFile(platform, dark, signedIn);
          expect(existsSync(join(dir, file)), file).toBe(true);
          expect(existsSync(join(dir, file.replace('.png', '@2x.png'))), file).toBe(true);
        }
      }
    }
  });

  it('finds the built preload and renderer beside the main bundle', () => {
    expect(appFiles('/app/dist/main', '/app')).toEqual({
      preload: join('/app/dist/preload/index.js'),
      rendererDir: join('/app/dist/renderer'),
      trayAssetsDir: join('/app/assets/tray'),
    });
  });
});

describe('launch at login on Linux', () => {
  it('writes an XDG autostart entry and removes it again', () => {
    const home = mkdtempSync(join(tmpdir(), 'tt-home-'));
    try {
      const file = autostartFile({}, home);
      expect(file).toBe(join(home, '.config', 'autostart', 'token-tray.desktop'));
      setLinuxAutostart(file, true, ['/opt/Token Tray/token-tray']);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('[Desktop Entry]');
      expect(text).toContain('Exec="/opt/Token Tray/token-tray"');
      setLinuxAutostart(file, false, []);
      expect(existsSync(file)).toBe(false);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('honours XDG_CONFIG_HOME and quotes special characters', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/cfg' }, '/home/j')).toBe('/cfg/autostart/token-tray.desktop');
    expect(autostartDesktopEntry(['/a/b$c"d'])).toContain('Exec="/a/b\\$c\\"d"');
  });
});

describe('log redaction hook', () => {
  it('redacts tokens in strings, errors and objects', () => {
    const jwt = `eyJ${'a'.repeat(20)}.eyJ${'b'.repeat(20)}.${'c'.repeat(20)}`;
    const out = redactLogData([
      `Bearer ${jwt}`,
      new Error(`refresh failed for ${jwt}`),
      { headers: { Authorization: `Bearer ${jwt}` } },
      42,
    ]);
    expect(JSON.stringify(out).includes(jwt)).toBe(false);
    expect(out[3]).toBe(42);
    expect(String(out[1])).toMatch(/^Error: refresh failed for \[redacted\]/);
  });
});
