/**
 * Builds the real `pmtoken` (as the release build does) and runs it as a child
 * process: the bundle (`node dist/cli/pmtoken.js`) or the standalone executable
 * (`npm run build:pmtoken`). The bundle is written inside the repository's
 * node_modules/.cache so that `require('keytar')` resolves like it does from
 * dist/cli/; the executable (about 100 MB) lies outside the repository, with no
 * node_modules above it, as where it is installed, and is built once per content for
 * the test files that follow.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { cliBuildOptions, cliExecutableBuildOptions } from '../../../../scripts/cli-build.mjs';
import { buildPmtokenExecutable, executableName, keytarAddon } from '../../../../scripts/build-pmtoken.mjs';

/** The repository root (tests run from it). */
export const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));

/** How pmtoken is started: `node pmtoken.js` or the standalone executable. */
export const cliLaunches = ['bundle', 'executable'] as const;
export type CliLaunch = (typeof cliLaunches)[number];

/** A built CLI. */
export interface BuiltCli {
  launch: CliLaunch;
  /** pmtoken.js, or the executable. */
  path: string;
  /** The program and the arguments before pmtoken's own that start it. */
  command: readonly [string, ...string[]];
  dispose(): Promise<void>;
}

/** Executables of this checkout are in the temporary folder under this prefix. */
const executableCachePrefix = `token-tray-pmtoken-${createHash('sha256').update(repoRoot).digest('hex').slice(0, 8)}-`;

/**
 * The standalone executable of the current sources, built like `npm run build:pmtoken` (unminified)
 * into the temporary folder, under a name with the hash of the bundle, this Node and keytar.node.
 * Outside the repository, it finds no node_modules/keytar up its path: it must load the keytar.node
 * beside it, as when installed. Test files running side by side may build it at once: each builds
 * into its own folder and the first rename wins. This checkout's executables of older sources are deleted.
 */
export async function buildExecutableCli(): Promise<BuiltCli> {
  const cache = tmpdir();
  const hash = createHash('sha256');
  for (const options of cliExecutableBuildOptions(join(cache, 'pmtoken-executable'), {
    minify: false,
    logLevel: 'error',
  }))
    for (const file of (await build({ ...options, write: false })).outputFiles) hash.update(file.contents);
  hash.update(`${process.version} ${process.platform} ${process.arch}`).update(await readFile(keytarAddon));
  const name = `${executableCachePrefix}${hash.digest('hex').slice(0, 16)}`;
  const dir = join(cache, name);
  const path = join(dir, executableName);
  if (!existsSync(path)) {
    const fresh = join(cache, `${name}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    try {
      await buildPmtokenExecutable(fresh, { work: `${fresh}-work`, minify: false, logLevel: 'error' });
      await rename(fresh, dir).catch((err: NodeJS.ErrnoException) => {
        // Another test file got there first with the same executable.
        if (!existsSync(path)) throw err;
      });
    } finally {
      await Promise.all([fresh, `${fresh}-work`].map((d) => rm(d, { recursive: true, force: true })));
    }
    for (const other of await readdir(cache))
      if (other.startsWith(executableCachePrefix) && other !== name && !other.includes('.'))
        await rm(join(cache, other), { recursive: true, force: true });
  }
  return { launch: 'executable', path, command: [path], dispose: async () => undefined };
}

/**
 * Builds the CLI like the release build: the standalone executable when `launch` is
 * "executable", else the bundle. `split` (the default, and the
 * recommended release layout) writes pmtoken.js plus engine.js, which
 * pmtoken loads only when a command needs the engine; `split: false` writes a
 * single file with everything inside (also supported, slower to start).
 */
export async function buildCli(options: { split?: boolean; launch?: CliLaunch } = {}): Promise<BuiltCli> {
  if (options.launch === 'executable') return buildExecutableCli();
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
  return {
    launch: 'bundle',
    path,
    command: [process.execPath, path],
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
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
  const [program, ...before] = cli.command;
  const child = spawn(program, [...before, ...args], {
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
