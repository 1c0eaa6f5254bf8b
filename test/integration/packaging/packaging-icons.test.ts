import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../unit/packaging/builder-config';
import { readIcoDirectory, readPngHeader, readPngRgba } from '../../unit/packaging/png-reader';

const APP_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const TRAY_NAMES = [
  'trayTemplate',
  'traySignedOutTemplate',
  'tray-light',
  'tray-dark',
  'tray-signed-out-light',
  'tray-signed-out-dark',
];

async function asset(relative: string): Promise<Buffer> {
  return readFile(path.join(ROOT, 'assets', relative));
}

/** RGBA pixels with any coverage at all. */
function visiblePixels(pixels: Buffer): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (let i = 0; i < pixels.length; i += 4) {
    const alpha = pixels[i + 3] ?? 0;
    if (alpha > 0) out.push([pixels[i] ?? 0, pixels[i + 1] ?? 0, pixels[i + 2] ?? 0, alpha]);
  }
  return out;
}

describe('app icons', () => {
  it.each(APP_SIZES)('has a %i px RGBA PNG for Linux and the installers', async (size) => {
    const header = readPngHeader(await asset(`icons/png/${size}x${size}.png`));
    expect(header).toMatchObject({ width: size, height: size, colorType: 6 });
  });

  it('has a 1024 px icon.png for the macOS .icns', async () => {
    expect(readPngHeader(await asset('icon.png'))).toMatchObject({ width: 1024, height: 1024 });
  });

  it('has a Windows .ico with every layer from 16 to 256 px inside the file', async () => {
    const ico = await asset('icon.ico');
    const entries = readIcoDirectory(ico);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((e) => e.size)).toEqual([16, 24, 32, 48, 64, 128, 256]);
    for (const entry of entries) expect(entry.offset + entry.bytes).toBeLessThanOrEqual(ico.length);
  });

  it('keeps the corners transparent, so the rounded square shows on any background', async () => {
    const { pixels } = readPngRgba(await asset('icons/png/256x256.png'));
    expect(pixels[3]).toBe(0);
    const centre = (128 * 256 + 128) * 4;
    expect(pixels[centre + 3]).toBe(255);
  });
});

describe('tray images', () => {
  it.each(TRAY_NAMES)('%s exists at 16 px and @2x at 32 px', async (name) => {
    expect(readPngHeader(await asset(`tray/${name}.png`))).toMatchObject({ width: 16, height: 16 });
    expect(readPngHeader(await asset(`tray/${name}@2x.png`))).toMatchObject({ width: 32, height: 32 });
  });

  it('makes macOS template images pure black with alpha, so the menu bar can tint them', async () => {
    for (const file of ['trayTemplate.png', 'trayTemplate@2x.png', 'traySignedOutTemplate@2x.png']) {
      const visible = visiblePixels(readPngRgba(await asset(`tray/${file}`)).pixels);
      expect(visible.length, file).toBeGreaterThan(20);
      expect(
        visible.every(([r, g, b]) => r === 0 && g === 0 && b === 0),
        file,
      ).toBe(true);
    }
  });

  it('draws a dark glyph for light panels and a light glyph for dark panels', async () => {
    const light = visiblePixels(readPngRgba(await asset('tray/tray-light@2x.png')).pixels);
    const dark = visiblePixels(readPngRgba(await asset('tray/tray-dark@2x.png')).pixels);
    expect(light.every(([r]) => r < 64)).toBe(true);
    expect(dark.every(([r]) => r > 192)).toBe(true);
  });

  it('dims the signed-out glyph compared with the signed-in one', async () => {
    const maxAlpha = async (file: string): Promise<number> =>
      Math.max(...visiblePixels(readPngRgba(await asset(`tray/${file}`)).pixels).map((p) => p[3]));
    expect(await maxAlpha('trayTemplate@2x.png')).toBe(255);
    expect(await maxAlpha('traySignedOutTemplate@2x.png')).toBeLessThan(160);
  });
});

describe('icon sources', () => {
  it('committed icons are exactly what scripts/render-icons.mjs renders from assets/source', async () => {
    const out = await mkdtemp(path.join(tmpdir(), 'token-tray-icons-'));
    try {
      const run = promisify(execFile);
      await run(process.execPath, [path.join(ROOT, 'scripts/render-icons.mjs'), '--out', out], { cwd: ROOT });
      const rendered = [
        'icon.png',
        'icon.ico',
        ...APP_SIZES.map((s) => `icons/png/${s}x${s}.png`),
        ...TRAY_NAMES.flatMap((n) => [`tray/${n}.png`, `tray/${n}@2x.png`]),
      ];
      const stale: string[] = [];
      for (const file of rendered) {
        const fresh = await readFile(path.join(out, file));
        if (!fresh.equals(await asset(file))) stale.push(file);
      }
      expect(stale, 'run `npm run icons` and commit assets/').toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
