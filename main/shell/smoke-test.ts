/**
 * `--smoke-test=<report.json>`: used by CI on the packaged app (scripts/smoke.mjs). The app
 * starts as usual, opens its window, closes it once the page has loaded, idles, writes the
 * timings and the memory of all its processes to the report and quits. A broken asar, a
 * missing native module or a fuse mistake stops it before the report exists.
 */
import { writeFileSync } from 'node:fs';
import { app, type BrowserWindow } from 'electron';

const value = (argv: readonly string[], flag: string) =>
  argv.find((a) => a.startsWith(flag))?.slice(flag.length) || null;

/** `--smoke-test=<report>` and `--smoke-idle-ms=<ms>` (default 10 s), or null when this is not a smoke run. */
export function smokeOptions(argv: readonly string[]): { reportPath: string; idleMs: number } | null {
  const reportPath = value(argv, '--smoke-test=');
  if (!reportPath) return null;
  const idleMs = Number(value(argv, '--smoke-idle-ms=') ?? 10_000);
  return { reportPath, idleMs: Number.isFinite(idleMs) && idleMs >= 0 ? idleMs : 10_000 };
}

/** The smoke run's hooks into start-up. */
export interface SmokeRun {
  /** Called once the tray shows its first menu. */
  trayReady(): void;
  /** Pass as the window manager's `onCreated`. */
  windowCreated(window: BrowserWindow): void;
}

/** Starts a smoke run; `showWindow` opens the app's window; `idleMs` is the wait with the window closed. */
export function startSmokeRun(reportPath: string, showWindow: () => void, idleMs: number): SmokeRun {
  const report: Record<string, unknown> = { version: app.getVersion(), platform: process.platform, arch: process.arch };
  const finish = (code: number) => {
    writeFileSync(reportPath, `${JSON.stringify(report, null, 2)}\n`);
    app.exit(code);
  };
  return {
    trayReady() {
      report.trayReadyAt = Date.now();
      showWindow();
    },
    windowCreated(window) {
      window.webContents.once('did-fail-load', (_event, code, description) => {
        report.error = `the window did not load: ${description} (${code})`;
        finish(1);
      });
      window.webContents.once('did-finish-load', () => {
        report.windowLoadedAt = Date.now();
        window.close();
        setTimeout(() => {
          report.processes = app.getAppMetrics().map((m) => ({
            type: m.type,
            pid: m.pid,
            workingSetKb: m.memory.workingSetSize,
            privateKb: m.memory.privateBytes ?? null,
          }));
          report.measuredAt = Date.now();
          finish(0);
        }, idleMs);
      });
    },
  };
}
