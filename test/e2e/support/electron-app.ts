/**
 * Finds an Electron binary WITHOUT triggering a download (requiring the
 * `electron` package tries to fetch one when it is missing), builds the app,
 * and launches it with Playwright's `_electron` against a temp config folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication } from 'playwright-core';

/** The repository root (the app's folder: package.json "main" points at dist/main/index.js). */
export const appRoot = join(__dirname, '..', '..', '..');

/** Where Electron is, or why the specs cannot run here. */
export type ElectronBinary = { path: string; reason: null } | { path: null; reason: string };

/** Looks for the binary the way the `electron` package does, minus the download. */
export function findElectronBinary(env: Record<string, string | undefined> = process.env): ElectronBinary {
  const explicit = env.TOKEN_TRAY_ELECTRON_PATH;
  if (explicit)
    return existsSync(explicit)
      ? { path: explicit, reason: null }
      : { path: null, reason: `TOKEN_TRAY_ELECTRON_PATH does not exist: ${explicit}` };
  const pkg = join(appRoot, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return { path: null, reason: 'no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD)' };
  }
  const relative = readFileSync(pathFile, 'utf8').trim();
  const full = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : join(pkg, 'dist', relative);
  if (!existsSync(full)) return { path: null, reason: `the Electron binary is missing at ${full}` };
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { path: null, reason: 'no display for Electron (run the suite under xvfb-run)' };
  }
  return { path: full, reason: null };
}

/** Builds main, preload and renderer into dist/ (what `npm start` runs). */
export function buildApp(): void {
  execFileSync(process.execPath, [join(appRoot, 'scripts', 'build.mjs'), 'main', 'preload'], {
    cwd: appRoot,
    stdio: 'pipe',
  });
  execFileSync(
    process.execPath,
    [join(appRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: appRoot, stdio: 'pipe' },
  );
}

/** Where failed specs leave screenshots and traces (CI uploads the folder). */
export const failureArtifactsDir = join(appRoot, 'test-results', 'e2e');

/** A launched app and its private config folder. */
export interface LaunchedApp {
  app: ElectronApplication;
  configDir: string;
  /** After a failed spec: a screenshot of each open window and the trace so far, named after the spec. */
  saveFailureArtifacts(name: string): Promise<void>;
  close(): Promise<void>;
}

/** Launches the built app with a fresh (or given) config folder; `preferences` are written before start. */
export async function launchApp(
  executablePath: string,
  options: { configDir?: string; preferences?: object } = {},
): Promise<LaunchedApp> {
  const configDir = options.configDir ?? mkdtempSync(join(tmpdir(), 'token-tray-e2e-'));
  if (options.preferences) writeFileSync(join(configDir, 'preferences.json'), JSON.stringify(options.preferences));
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  const app = await _electron.launch({
    executablePath,
    // Chromium refuses to run as root with its sandbox; everywhere else (CI runners) it stays on.
    args: [appRoot, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: appRoot,
    env: { ...env, PMTOKEN_CONFIG_DIR: configDir, TOKEN_TRAY_E2E: '1' },
  });
  await app.context().tracing.start({ screenshots: true, snapshots: true });
  let traceChunk = 0;
  return {
    app,
    configDir,
    async saveFailureArtifacts(name) {
      const base = join(failureArtifactsDir, name.replace(/[^\w.-]+/g, '-').slice(0, 80));
      mkdirSync(failureArtifactsDir, { recursive: true });
      for (const [i, page] of app.windows().entries())
        await page.screenshot({ path: `${base}-window-${i}.png` }).catch(() => undefined);
      const tracing = app.context().tracing;
      await tracing.stopChunk({ path: `${base}-trace-${traceChunk++}.zip` }).catch(() => undefined);
      await tracing.startChunk().catch(() => undefined);
    },
    close: async () => {
      await app.close().catch(() => undefined);
      if (!options.configDir) rmSync(configDir, { recursive: true, force: true });
    },
  };
}
