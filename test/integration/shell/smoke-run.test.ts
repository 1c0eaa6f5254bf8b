/**
 * `--smoke-test=<report>`, what CI's smoke step starts the packaged app with, run on the bundled
 * main process with Electron replaced by the stand-in: the app reaches its tray, opens and closes
 * its window, idles, writes a report scripts/smoke.mjs can read, and quits with 0.
 * (The packaged app in real Electron is the CI step itself.)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../../scripts/smoke.mjs';
import { buildShell, startShell } from './support/shell-process';

let built: Awaited<ReturnType<typeof buildShell>>;
let dir: string;

beforeAll(async () => {
  built = await buildShell();
  dir = mkdtempSync(join(tmpdir(), 'token-tray-smoke-'));
}, 60_000);
afterAll(() => {
  built?.remove();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a smoke run of the app', () => {
  it('opens the window, closes it once loaded, idles, reports every process and exits with 0', async () => {
    const report = join(dir, 'report.json');
    const startedAt = Date.now();
    const shell = startShell(built, join(dir, 'config'), [`--smoke-test=${report}`, '--smoke-idle-ms=300'], {
      TOKEN_TRAY_E2E: '0',
    });
    const code = await shell.exited;
    expect(code, shell.stderr().slice(-500)).toBe(0);
    expect(existsSync(report)).toBe(true);
    const data = JSON.parse(readFileSync(report, 'utf8')) as {
      version: string;
      trayReadyAt: number;
      windowLoadedAt: number;
      measuredAt: number;
      processes: Array<{ type: string; workingSetKb: number }>;
    };
    expect(data.version).toBe('0.1.0');
    expect(data.trayReadyAt).toBeGreaterThanOrEqual(startedAt);
    expect(data.windowLoadedAt).toBeGreaterThanOrEqual(data.trayReadyAt);
    expect(data.measuredAt - data.windowLoadedAt).toBeGreaterThanOrEqual(300);
    expect(data.processes).toEqual([
      { type: 'Browser', pid: expect.any(Number), workingSetKb: expect.any(Number), privateKb: null },
    ]);
    const result = summarize(data, startedAt, 10_000);
    expect(result.ok).toBe(true);
  });

  it('is an ordinary start without the flag: no report, still running', async () => {
    const shell = startShell(built, join(dir, 'config-plain'), [], { TOKEN_TRAY_E2E: '1' });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(shell.child.exitCode).toBeNull();
    shell.child.kill();
    await shell.exited;
  });
});
