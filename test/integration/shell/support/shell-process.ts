/**
 * Runs the bundled main process under Node with the Electron stand-in
 * (fake-electron.ts) and talks to it over the child-process channel.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { build } from 'esbuild';

const root = join(__dirname, '..', '..', '..', '..');

/** Bundles main (as scripts/build.mjs does) and the stand-in into a private folder under dist/. */
export async function buildShell(): Promise<{ dir: string; main: string; fake: string; remove(): void }> {
  const dir = join(root, 'dist', `shell-test-${randomBytes(4).toString('hex')}`);
  const main = join(dir, 'main', 'index.js');
  const fake = join(dir, 'fake-electron.cjs');
  const common = { bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', target: 'node20' } as const;
  await build({
    ...common,
    entryPoints: [join(root, 'main', 'shell', 'index.ts')],
    outfile: main,
    // Minified, as the release build ships it.
    minify: true,
    external: ['electron', 'keytar'],
  });
  await build({
    ...common,
    entryPoints: [join(__dirname, 'fake-electron.ts')],
    outfile: fake,
  });
  mkdirSync(join(dir, 'renderer'), { recursive: true });
  writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html><title>Token Tray</title>');
  return { dir, main, fake, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A running shell process. */
export interface ShellProcess {
  child: ChildProcess;
  send<T = unknown>(command: Record<string, unknown>): Promise<T>;
  exited: Promise<number | null>;
  stderr(): string;
}

/** Starts the bundled main process with `args` as its command line and extra `env`. */
export function startShell(
  built: { main: string; fake: string },
  configDir: string,
  args: string[] = [],
  env: Record<string, string> = {},
): ShellProcess {
  const child = fork(built.main, args, {
    cwd: root,
    execArgv: ['-r', built.fake],
    env: { ...process.env, PMTOKEN_CONFIG_DIR: configDir, TOKEN_TRAY_E2E: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  child.stdout?.resume();
  let nextId = 1;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on('message', (message: { id: number; result?: unknown; error?: string }) => {
    const entry = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) entry?.reject(new Error(message.error));
    else entry?.resolve(message.result);
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    stderr: () => errors,
    send<T>(command: Record<string, unknown>) {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ ...command, id });
      });
    },
  };
}
