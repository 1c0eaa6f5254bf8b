/**
 * `--smoke-test=<report.json>`: used by CI on the packaged app (scripts/smoke.mjs). The app
 * starts as usual, opens its window, closes it once the page has loaded, idles, writes the
 * timings and the memory of all its processes to the report and quits. A broken asar, a
 * missing native module or a fuse mistake stops it before the report exists.
 */
import { writeFileSync } from 'node:fs';
import { app, type BrowserWindow } from 'electron';

const flag = '--smoke-test=';

/** The report path from the command line, or null when this is not a smoke run. */
export function smokeReportPath(argv: readonly string[]): string | null {
  const arg = argv.find((a) => a.startsWith(flag));
  return arg ? arg.slice(flag.length) || null : null;
}

/** The smoke run's hooks into start-up. */
export interface SmokeRun {
  /** Called once the tray shows its first menu. */
  trayReady(): void;
  /** Pass as the window manager's `onCreated`. */
  windowCreated(window: BrowserWindow): void;
}

/** Starts a smoke run; `showWindow` opens the app's window; `idleMs` is the wait with the window closed. */
export function startSmokeRun(reportPath: string, showWindow: () => void, idleMs = 10_000): SmokeRun {
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
