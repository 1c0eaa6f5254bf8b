// The esbuild options of pmtoken's two files, shared by scripts/build.mjs and the CLI tests (which
// run the bundle as it ships). The entry (pmtoken.js) takes its words from the engine file on first
// use (main/cli/words-later.ts): a valid token is printed without parsing the catalogue or the ICU
// formatter; everything else the engine needs loads with engine.js.
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

/** Swaps main/i18n for main/cli/words-later.ts, in the entry file only. */
export const wordsLater = {
  name: 'words-later',
  setup(b) {
    const real = resolve(root, 'main/i18n/index.ts');
    b.onResolve({ filter: /(^|\/)i18n$/ }, (args) =>
      resolve(args.resolveDir, `${args.path}.ts`) === real || resolve(args.resolveDir, args.path, 'index.ts') === real
        ? { path: resolve(root, 'main/cli/words-later.ts') }
        : undefined,
    );
  },
};

/** The two builds: the small entry, then the engine (with the words). */
export function cliBuildOptions(outdir, { minify = true, logLevel = 'warning' } = {}) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    legalComments: 'none',
    logLevel,
    minify,
  };
  return [
    {
      ...common,
      entryPoints: { pmtoken: resolve(root, 'main/cli/pmtoken.ts') },
      outdir,
      external: ['keytar', './engine.js'],
      banner: { js: '#!/usr/bin/env node' },
      plugins: [wordsLater],
    },
    { ...common, entryPoints: { engine: resolve(root, 'main/cli/engine.ts') }, outdir, external: ['keytar'] },
  ];
}

/**
 * What the standalone executable's entry gets for ./engine.js: the engine file is an asset of the
 * single executable (scripts/build-pmtoken.mjs), compiled and run on first use as Node would run it
 * from disk. `require` in it is a file-based one (keytar's addon is loaded from the executable's folder).
 */
const engineFromAsset = `
const { getAsset } = require('node:sea');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { runInThisContext } = require('node:vm');
const source = getAsset('engine.js', 'utf8');
const wrapped = runInThisContext('(function (exports, require, module, __filename, __dirname) {' + source + '\\n})', {
  filename: 'pmtoken-engine.js',
});
const engine = { exports: {} };
wrapped.call(engine.exports, engine.exports, createRequire(process.execPath), engine, process.execPath, dirname(process.execPath));
module.exports = engine.exports;
`;

/**
 * The two builds of the standalone executable (scripts/build-pmtoken.mjs): the entry as in the
 * two-file build (no shebang), whose ./engine.js is read from the executable's engine.js asset, and
 * the engine as in the two-file build. A single executable runs one script and loads nothing of ours
 * from disk; this keeps `pmtoken token`'s start-up to the small entry, as with node (a single bundle
 * of both would run all of core's module code at every start).
 */
export function cliExecutableBuildOptions(outdir, { minify = true, logLevel = 'warning' } = {}) {
  const [entry, engine] = cliBuildOptions(outdir, { minify, logLevel });
  const { banner: _shebang, ...entryWithoutShebang } = entry;
  return [
    {
      ...entryWithoutShebang,
      external: ['keytar'],
      plugins: [
        ...entry.plugins,
        {
          name: 'engine-from-sea-asset',
          setup(b) {
            b.onResolve({ filter: /^\.\/engine\.js$/ }, () => ({ path: 'engine.js', namespace: 'sea-engine' }));
            b.onLoad({ filter: /.*/, namespace: 'sea-engine' }, () => ({ contents: engineFromAsset, loader: 'js' }));
          },
        },
      ],
    },
    engine,
  ];
}
