/** A fixture bundled with esbuild into one CommonJS file, so a second real process can run it with plain node. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll } from 'vitest';

/**
 * Bundles `entry` before the file's tests (keytar stays outside, found through NODE_PATH) and removes
 * the bundle after them; returns a function giving the bundle's path.
 */
export function bundledChild(entry: string): () => string {
  let dir = '';
  let outfile = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'token-tray-child-'));
    outfile = join(dir, basename(entry).replace(/\.ts$/, '.cjs'));
    await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      outfile,
      external: ['keytar'],
      logLevel: 'error',
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return () => outfile;
}
