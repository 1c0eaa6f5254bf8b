/**
 * Builds the real, bundled `pmtoken` (esbuild, as the release build does) and
 * runs it as a child process. The bundle is written inside the repository's
 * node_modules/.cache so that `require('keytar')` resolves like it does from
 * dist/cli/.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cliBuildOptions } from '../../../../scripts/cli-build.mjs';

/** The repository root (tests run from it). */
export const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/** A built CLI. */
export interface BuiltCli {
  path: string;
  dispose(): Promise<void>;
}

/**
 * Bundles the CLI like the release build. `split` (the default, and the
 * recommended release layout) writes pmtoken.js plus engine.js, which
 * pmtoken loads only when a command needs the engine; `split: false` writes a
 * single file with everything inside (also supported, slower to start).
 */
export async function buildCli(options: { split?: boolean } = {}): Promise<BuiltCli> {
  const split = options.split ?? true;
  const cache = join(repoRoot, 'node_modules', '.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(join(cache, 'pmtoken-test-'));
  const path = join(dir, 'pmtoken.js');
  const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' } as const;
  if (split) {
    for (const options of cliBuildOptions(dir, { minify: false, logLevel: 'error' })) await build(options);
  } else {
    await build({
      ...common,
      entryPoints: [join(repoRoot, 'main/cli/pmtoken.ts')],
      external: ['keytar'],
      outfile: path,
    });
  }
  return { path, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** What a finished run printed. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Options of a run. */
export interface RunOptions {
  stdin?: string;
  env?: Record<string, string>;
  /** The working folder (default: the test runner's). */
  cwd?: string;
}

/** A fresh, empty settings folder for one test. */
export async function tempConfigDir(): Promise<{ dir: string; dispose(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'pmtoken-cli-'));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** Starts the CLI; the caller reads its streams. */
export function spawnCli(cli: BuiltCli, args: string[], options: RunOptions = {}): ChildProcessWithoutNullStreams {
  const env: NodeJS.ProcessEnv = { ...process.env, PMTOKEN_BROWSER: 'false', ...options.env };
  delete env.PMTOKEN_DEBUG;
  const child = spawn(process.execPath, [cli.path, ...args], {
    env,
    stdio: 'pipe',
    ...(options.cwd ? { cwd: options.cwd } : {}),
  });
  if (options.stdin !== undefined) child.stdin.end(options.stdin);
  else child.stdin.end();
  return child;
}

/** Collects a child's output until it exits. */
export function finished(child: ChildProcessWithoutNullStreams): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** Runs the CLI to the end. */
export function runCli(cli: BuiltCli, args: string[], options: RunOptions = {}): Promise<CliResult> {
  return finished(spawnCli(cli, args, options));
}
