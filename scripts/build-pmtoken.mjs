// Builds pmtoken as a standalone executable for the running system (Node's single executable
// applications): dist/pmtoken/pmtoken (pmtoken.exe on Windows), with keytar.node beside it.
// Usage: node scripts/build-pmtoken.mjs [out-dir]   (npm run build:pmtoken)
//
// The executable is this Node with pmtoken's entry file (scripts/cli-build.mjs) and its V8 code cache
// injected, and the engine file as an asset that the entry runs only when a command needs it (as
// node runs dist/cli/engine.js): people need no Node of their own. A single executable cannot load a native addon from
// inside itself, so keytar's addon ships as a file beside it, and main/core/tokens loads it from
// there (the executable's own folder). Steps, as Node's documentation gives them: a preparation
// blob (`--experimental-sea-config`), a copy of node, postject; `--build-sea` (Node 25.5 and later)
// does all three in one. On macOS the copy's signature is removed before the injection and an ad hoc
// one added after (a real certificate signs over it when the app is packaged).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { inject } from 'postject';
import { cliExecutableBuildOptions } from './cli-build.mjs';

const root = resolve(import.meta.dirname, '..');

/** The executable's file name on this system. */
export const executableName = process.platform === 'win32' ? 'pmtoken.exe' : 'pmtoken';

/** The addon that ships beside the executable (N-API: the same file serves Node and Electron). */
export const keytarAddon = join(root, 'node_modules', 'keytar', 'build', 'Release', 'keytar.node');

/** Whether this Node makes the executable itself (`node --build-sea`, Node 25.5 and later). */
export function hasBuildSea(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > 25 || (major === 25 && minor >= 5);
}

/** The sentinel postject looks for (Node's documented NODE_SEA_FUSE). */
const fuse = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * Builds the executable into `outDir` (made if missing; the executable and keytar.node in it are
 * replaced) and returns its path. `work` holds the bundle, the configuration and the blob.
 */
export async function buildPmtokenExecutable(
  outDir = join(root, 'dist', 'pmtoken'),
  { work = join(root, 'dist', 'pmtoken-build'), minify = true, logLevel = 'warning' } = {},
) {
  mkdirSync(outDir, { recursive: true });
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const main = join(work, 'pmtoken.js');
  const blob = join(work, 'pmtoken.blob');
  const output = join(outDir, executableName);
  for (const options of cliExecutableBuildOptions(work, { minify, logLevel })) await build(options);

  // The code cache spares every start the compilation of the bundle. A startup snapshot
  // (useSnapshot) measured no faster and would need the entry rewritten for it: see docs/benchmarks.md.
  const config = {
    main,
    disableExperimentalSEAWarning: true,
    useCodeCache: true,
    assets: { 'engine.js': join(work, 'engine.js') },
  };
  rmSync(output, { force: true });
  if (hasBuildSea()) {
    writeFileSync(join(work, 'sea-config.json'), JSON.stringify({ ...config, output }));
    execFileSync(process.execPath, ['--build-sea', join(work, 'sea-config.json')], { stdio: 'inherit' });
  } else {
    writeFileSync(join(work, 'sea-config.json'), JSON.stringify({ ...config, output: blob }));
    execFileSync(process.execPath, ['--experimental-sea-config', join(work, 'sea-config.json')], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    copyFileSync(process.execPath, output);
    chmodSync(output, 0o755);
    if (process.platform === 'darwin') execFileSync('codesign', ['--remove-signature', output], { stdio: 'inherit' });
    await inject(output, 'NODE_SEA_BLOB', readFileSync(blob), {
      sentinelFuse: fuse,
      ...(process.platform === 'darwin' ? { machoSegmentName: 'NODE_SEA' } : {}),
    });
  }
  if (process.platform === 'darwin') execFileSync('codesign', ['--sign', '-', output], { stdio: 'inherit' });
  copyFileSync(keytarAddon, join(outDir, 'keytar.node'));
  rmSync(work, { recursive: true, force: true });
  return output;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = process.argv[2] ? resolve(process.argv[2]) : undefined;
  const output = await buildPmtokenExecutable(outDir);
  const size = readFileSync(output).length;
  console.log(`${output} (${(size / 1024 / 1024).toFixed(1)} MB), keytar.node beside it`);
}
