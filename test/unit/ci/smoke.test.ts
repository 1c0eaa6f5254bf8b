import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagedAppCandidates, summarize, summaryMarkdown } from '../../../scripts/smoke.mjs';

const processes = (...mb: number[]) =>
  mb.map((m, i) => ({ type: i === 0 ? 'Browser' : 'Tab', workingSetKb: m * 1024 }));

describe('the packaged-app smoke test', () => {
  it('looks for the unpacked app where electron-builder puts it on each system', () => {
    expect(packagedAppCandidates('rel', 'darwin', 'arm64', 'Token Tray', 'token-tray')).toEqual([
      join('rel', 'mac-arm64', 'Token Tray.app', 'Contents', 'MacOS', 'Token Tray'),
      join('rel', 'mac', 'Token Tray.app', 'Contents', 'MacOS', 'Token Tray'),
    ]);
    expect(packagedAppCandidates('rel', 'win32', 'x64', 'Token Tray', 'token-tray')).toEqual([
      join('rel', 'win-unpacked', 'Token Tray.exe'),
    ]);
    expect(packagedAppCandidates('rel', 'linux', 'x64', 'Token Tray', 'token-tray')).toEqual([
      join('rel', 'linux-unpacked', 'token-tray'),
    ]);
  });

  it('reports launch-to-tray time and the memory of all processes together', () => {
    const result = summarize({ trayReadyAt: 1_850, windowLoadedAt: 2_400, processes: processes(60, 30.5) }, 1_000);
    expect(result).toEqual({
      ok: true,
      figures: {
        trayReadyMs: 850,
        windowLoadedMs: 1_400,
        totalMb: 90.5,
        processCount: 2,
        byType: ['Browser 60 MB', 'Tab 30.5 MB'],
      },
    });
    expect(summaryMarkdown('linux-x64', result)).toContain('| 850 ms | 1400 ms | 90.5 MB (2 processes) | 120 MB |');
  });

  it('fails above the limit, and on an app that reported an error or never reached its window', () => {
    const heavy = summarize({ trayReadyAt: 2, windowLoadedAt: 3, processes: processes(100, 20.5) }, 1);
    expect(heavy).toMatchObject({
      ok: false,
      problem: 'the app uses 120.5 MB after 10 s idle, above the 120 MB limit',
    });
    expect(summaryMarkdown('x', heavy)).toContain('Result: **failed**');
    expect(summarize({ error: 'the window did not load: ERR_FILE_NOT_FOUND (-6)' }, 0)).toEqual({
      ok: false,
      problem: 'the window did not load: ERR_FILE_NOT_FOUND (-6)',
    });
    expect(summarize({ trayReadyAt: 5 }, 0)).toMatchObject({ ok: false, problem: /incomplete/ });
    expect(summarize({ trayReadyAt: 2, windowLoadedAt: 3, processes: processes(100, 20.5) }, 1, 200).ok).toBe(true);
  });
});
