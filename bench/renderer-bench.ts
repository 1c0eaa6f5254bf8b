/**
 * Renderer budgets: JavaScript shipped (minified, as Vite builds it) and the
 * time from navigation until the first control in <main> takes focus, in
 * Debian's Chromium with the real handlers behind window.tokenTray.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, startUiApp, timeToFirstInput } from '../test/ui/harness';
import { serveStatic } from '../test/ui/static-server';
import { median, type BenchRow } from './measure';

/** Every file below `dir`. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Runs the renderer benchmarks on the built renderer in `dir`. */
export async function rendererBench(dir: string): Promise<BenchRow[]> {
  const scripts = files(dir).filter((f) => f.endsWith('.js'));
  const bytes = scripts.reduce((sum, f) => sum + statSync(f).size, 0);
  const gzipped = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);
  const kb = bytes / 1024;
  const rows: BenchRow[] = [
    {
      name: `renderer JavaScript (${scripts.length} file(s), ${(gzipped / 1024).toFixed(1)} KB gzipped)`,
      subject: 'dist/renderer/**/*.js, minified',
      baseline: 'budget',
      subjectValue: kb,
      baselineValue: null,
      unit: 'KB',
      ratio: null,
      budget: 150,
      pass: kb <= 150,
    },
  ];

  const site = await serveStatic(dir);
  const browser = await launchChromium();
  try {
    const app = await startUiApp(browser, { url: site.url, close: () => site.close() });
    try {
      const samples: number[] = [];
      for (let i = 0; i < 3; i++) await timeToFirstInput(app.page, site.url);
      for (let i = 0; i < 15; i++) samples.push(await timeToFirstInput(app.page, site.url));
      const ms = median(samples);
      rows.push({
        name: 'window usable (first control focusable)',
        subject: 'ms after navigation start, Chromium, first run',
        baseline: 'budget',
        subjectValue: ms,
        baselineValue: null,
        unit: 'ms',
        ratio: null,
        budget: 300,
        pass: ms <= 300,
      });
    } finally {
      await app.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return rows;
}
