import type { BuildOptions, Plugin } from 'esbuild';

/** Swaps main/i18n for main/cli/words-later.ts, in the entry file only. */
export const wordsLater: Plugin;
/** The two builds of pmtoken: the small entry, then the engine (with the words). */
export function cliBuildOptions(
  outdir: string,
  options?: { minify?: boolean; logLevel?: BuildOptions['logLevel'] },
): BuildOptions[];
/** The two builds of the standalone executable: the entry (its engine read from the executable's asset), the engine. */
export function cliExecutableBuildOptions(
  outdir: string,
  options?: { minify?: boolean; logLevel?: BuildOptions['logLevel'] },
): BuildOptions[];
