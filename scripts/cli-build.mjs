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
