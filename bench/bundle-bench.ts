/**
 * Bundle sizes: the main process (`dist/main/index.js`, minified) and the engine file of pmtoken
 * (`dist/cli/engine.js`, minified, loaded by every command but a quick `pmtoken token`). What zod
 * costs shows here: core parses with `zod/mini`, so the CLI ships none of classic zod.
 */
import { readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { BenchRow } from './measure';

/** Each bundle with its budget in KB. */
const BUNDLES = [
  { file: 'dist/main/index.js', what: 'main process bundle', budgetKb: 900 },
  { file: 'dist/cli/engine.js', what: 'pmtoken engine bundle', budgetKb: 250 },
] as const;

/** One size row per bundle (KB on disk, gzipped size in the name). */
export function bundleBench(): BenchRow[] {
  return BUNDLES.map(({ file, what, budgetKb }) => {
    const kb = statSync(file).size / 1024;
    const gzipped = gzipSync(readFileSync(file)).length / 1024;
    return {
      name: `${what} (${gzipped.toFixed(1)} KB gzipped)`,
      subject: `${file}, minified`,
      baseline: 'budget',
      subjectValue: kb,
      baselineValue: null,
      unit: 'KB',
      ratio: null,
      budget: budgetKb,
      pass: kb <= budgetKb,
    };
  });
}
