import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appFiles, trayIconFile } from '../../../main/desktop';

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
