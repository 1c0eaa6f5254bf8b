// Bundles main, preload, the pmtoken CLI and pm-server with esbuild.
// Usage: node scripts/build.mjs [main|preload|cli|server ...]  (no argument: all but server)
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';
import { cliBuildOptions } from './cli-build.mjs';

const common = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', legalComments: 'none' };
// Electron 45 ships Node 22; the CLI must run on the Node people have (20+).
const targets = {
  main: {
    ...common,
    entryPoints: ['main/shell/index.ts'],
    outfile: 'dist/main/index.js',
    target: 'node22',
    minify: true,
    // electron-updater is a production dependency, packed into the app's node_modules.
    external: ['electron', 'keytar', 'electron-updater'],
  },
  preload: {
    ...common,
    entryPoints: ['main/preload/index.ts'],
    outfile: 'dist/preload/index.js',
    target: 'chrome130',
    external: ['electron'],
  },
  server: { ...common, entryPoints: ['test/server/cli.ts'], outfile: 'dist/pm-server.js', target: 'node20' },
};

const wanted = process.argv.slice(2);
const names = wanted.length > 0 ? wanted : ['main', 'preload', 'cli'];
for (const name of names) {
  // Two files: start-up parses only the small entry; the engine (zod, oauth4webapi, the words) loads
  // only when a command needs it, which `pmtoken token` with a valid token does not.
  if (name === 'cli') {
    for (const options of cliBuildOptions('dist/cli')) await build(options);
    continue;
  }
  const options = targets[name];
  if (!options) {
    console.error(`Unknown build target "${name}". Known: cli, ${Object.keys(targets).join(', ')}`);
    process.exit(2);
  }
  await build(options);
}
if (names.includes('cli')) chmodSync('dist/cli/pmtoken.js', 0o755);
