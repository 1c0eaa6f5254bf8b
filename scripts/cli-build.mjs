// The esbuild options of pmtoken's two files, shared by scripts/build.mjs and the CLI tests (which
// run the bundle as it ships). The entry (pmtoken.js) takes its words from the engine file on first
// use (main/cli/words-later.ts): a valid token is printed without parsing the catalogue or the ICU
// formatter; everything else the engine needs loads with engine.js.
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

const realI18n = resolve(root, 'main/i18n/index.ts');
const engineEntry = resolve(root, 'main/cli/engine.ts');

/** main/cli/words-later.ts for an import of main/i18n (unless `keep` says the importer keeps the real words). */
const swapI18n =
  (keep = () => false) =>
  (args) =>
    !keep(args.importer) &&
    (resolve(args.resolveDir, `${args.path}.ts`) === realI18n ||
      resolve(args.resolveDir, args.path, 'index.ts') === realI18n)
      ? { path: resolve(root, 'main/cli/words-later.ts') }
      : undefined;

/** Swaps main/i18n for main/cli/words-later.ts, in the entry file only. */
export const wordsLater = {
  name: 'words-later',
  setup(b) {
    b.onResolve({ filter: /(^|\/)i18n$/ }, swapI18n());
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
 * The one file of the standalone executable (scripts/pmtoken-executable.mjs): main/cli/pmtoken.ts
 * with the engine inside, keytar aside. A single executable runs one script and loads nothing of
 * ours from disk, so the entry's lazy `require`/`import()` of ./engine.js resolve to main/cli/engine.ts,
 * which esbuild wraps so that its code (core, zod, the words) runs only when a command needs it,
 * as in the two-file build. Only the engine imports the real words; the rest gets them from it.
 */
export function cliExecutableBuildOptions(outfile, { minify = true, logLevel = 'warning' } = {}) {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    legalComments: 'none',
    logLevel,
    minify,
    entryPoints: [resolve(root, 'main/cli/pmtoken.ts')],
    outfile,
    external: ['keytar'],
    plugins: [
      {
        name: 'words-later-in-one-file',
        setup(b) {
          b.onResolve(
            { filter: /(^|\/)i18n$/ },
            swapI18n((importer) => importer === engineEntry),
          );
        },
      },
    ],
  };
}
