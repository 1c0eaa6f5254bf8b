import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';
import { ROOT, appFileFilter, asarUnpackFilter, loadBuilderConfig } from './builder-config';

let config: Configuration;
let inApp: (relativePath: string) => boolean;

beforeAll(async () => {
  config = await loadBuilderConfig();
  inApp = appFileFilter(config);
});

/** The build layout: what `npm run build` writes and the app needs at runtime. */
const BUILT_FILES = [
  'package.json',
  'dist/main/index.js',
  'dist/preload/index.js',
  'dist/renderer/index.html',
  'dist/renderer/assets/index-3f2a1c.js',
  'dist/renderer/assets/index-3f2a1c.css',
  'dist/cli/pmtoken.js',
  'assets/tray/trayTemplate.png',
  'assets/tray/trayTemplate@2x.png',
  'assets/tray/tray-dark@2x.png',
];

/** Things that must never ship inside the app. */
const NOT_SHIPPED = [
  'main/shell/index.ts',
  'main/core/errors/errors.ts',
  'main/preload/index.ts',
  'renderer/index.html',
  'renderer/src/app.ts',
  'test/unit/packaging/packaging-files.test.ts',
  'test/server/index.ts',
  'bench/refresh.bench.ts',
  'scripts/render-icons.mjs',
  'docs/packaging.md',
  'README.md',
  'dist/main/index.js.map',
  'dist/preload/index.js.map',
  'dist/renderer/assets/index-3f2a1c.js.map',
  'dist/main/index.d.ts',
  'assets/source/icon.svg',
  'assets/icons/png/1024x1024.png',
  'build-resources/entitlements.mac.plist',
  'build-resources/installer.nsh',
  'electron-builder.yml',
  'tsconfig.json',
  'vitest.config.ts',
  'package-lock.json',
  '.env',
  'release/token-tray-0.1.0-mac-arm64.dmg',
  'dist/pm-server.js',
];

describe('files packed into the app', () => {
  it.each(BUILT_FILES)('includes the built file %s', (file) => {
    expect(inApp(file)).toBe(true);
  });

  it.each(NOT_SHIPPED)('leaves out %s', (file) => {
    expect(inApp(file)).toBe(false);
  });

  it('packs no file of the working tree other than the build output, package.json and tray images', () => {
    const shipped = listProjectFiles().filter(inApp);
    const unexpected = shipped.filter(
      (file) => !(file === 'package.json' || file.startsWith('dist/') || file.startsWith('assets/tray/')),
    );
    expect(unexpected).toEqual([]);
    expect(shipped.filter((file) => file.endsWith('.map'))).toEqual([]);
  });
});

describe('native modules', () => {
  it('unpacks keytar’s native addon from the asar so it can be loaded', () => {
    const unpacked = asarUnpackFilter(config);
    expect(unpacked('node_modules/keytar/build/Release/keytar.node')).toBe(true);
    expect(unpacked('node_modules/keytar/lib/keytar.js')).toBe(false);
    expect(unpacked('dist/main/index.js')).toBe(false);
  });
});

/** Every file of the project except dependencies, git data and build/installer output. */
function listProjectFiles(): string[] {
  const skip = new Set(['node_modules', '.git', 'dist', 'release']);
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(ROOT, relative), { withFileTypes: true })) {
      if (skip.has(entry.name)) continue;
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else found.push(child);
    }
  };
  walk('');
  return found;
}
