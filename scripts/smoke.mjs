// Smoke test of the packaged app (CI, after `npm run dist`): starts the unpacked build in
// release/ with --smoke-test, which opens the window, closes it once loaded, idles 10 s,
// reports and quits. Prints launch -> tray-ready time and the memory of all the app's
// processes, appends them to $GITHUB_STEP_SUMMARY, and fails above the limit.
// Usage: node scripts/smoke.mjs [--release DIR] [--max-mb 120] [--timeout-s 120]
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The default memory limit, in MB (1 MB = 1024 KB), for all the app's processes together. */
export const defaultMaxMb = 120;

/**
 * Where electron-builder puts the unpacked app for this platform and arch, in order of preference.
 * `productName` names the macOS bundle and the Windows .exe; `name` (package.json) the Linux binary.
 */
export function packagedAppCandidates(releaseDir, platform, arch, productName, name) {
  if (platform === 'darwin') {
    const dirs = arch === 'arm64' ? ['mac-arm64', 'mac'] : ['mac', 'mac-universal'];
    return dirs.map((d) => join(releaseDir, d, `${productName}.app`, 'Contents', 'MacOS', productName));
  }
  if (platform === 'win32') return [join(releaseDir, 'win-unpacked', `${productName}.exe`)];
  const dir = arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`;
  return [join(releaseDir, dir, name)];
}

/**
 * Reads the app's report into the figures CI shows: milliseconds from spawn to tray ready and to
 * window loaded, the summed working set of every process in MB, and whether it is within `maxMb`.
 */
export function summarize(report, spawnedAt, maxMb = defaultMaxMb) {
  if (report.error) return { ok: false, problem: report.error };
  const processes = Array.isArray(report.processes) ? report.processes : [];
  if (typeof report.trayReadyAt !== 'number' || typeof report.windowLoadedAt !== 'number' || processes.length === 0)
    return { ok: false, problem: 'the report is incomplete: the app did not reach its tray and window' };
  const totalKb = processes.reduce((sum, p) => sum + (Number(p.workingSetKb) || 0), 0);
  const totalMb = Math.round((totalKb / 1024) * 10) / 10;
  const figures = {
    trayReadyMs: report.trayReadyAt - spawnedAt,
    windowLoadedMs: report.windowLoadedAt - spawnedAt,
    totalMb,
    processCount: processes.length,
    byType: processes.map((p) => `${p.type} ${Math.round(((Number(p.workingSetKb) || 0) / 1024) * 10) / 10} MB`),
  };
  if (totalMb > maxMb)
    return { ok: false, problem: `the app uses ${totalMb} MB after 10 s idle, above the ${maxMb} MB limit`, figures };
  return { ok: true, figures };
}

/** The job-summary table for one run. */
export function summaryMarkdown(label, result, maxMb = defaultMaxMb) {
  const f = result.figures;
  const lines = [`### Smoke test: ${label}`, ''];
  if (f) {
    lines.push(
      '| launch → tray ready | launch → window loaded | memory, all processes, 10 s idle | limit |',
      '| --- | --- | --- | --- |',
      `| ${f.trayReadyMs} ms | ${f.windowLoadedMs} ms | ${f.totalMb} MB (${f.processCount} processes) | ${maxMb} MB |`,
      '',
      `Processes: ${f.byType.join(', ')}`,
      '',
    );
  }
  lines.push(result.ok ? 'Result: passed' : `Result: **failed**: ${result.problem}`, '');
  return lines.join('\n');
}

function option(args, name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
}

async function main(args) {
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const releaseDir = resolve(root, option(args, '--release', 'release'));
  const maxMb = Number(option(args, '--max-mb', String(defaultMaxMb)));
  const timeoutMs = Number(option(args, '--timeout-s', '120')) * 1000;
  const candidates = packagedAppCandidates(releaseDir, process.platform, process.arch, pkg.productName, pkg.name);
  const executable = candidates.find((c) => existsSync(c));
  if (!executable) {
    console.error(`No packaged app found; looked for:\n  ${candidates.join('\n  ')}\nRun \`npm run dist\` first.`);
    return 1;
  }
  const work = mkdtempSync(join(tmpdir(), 'token-tray-smoke-'));
  const reportPath = join(work, 'report.json');
  const env = { ...process.env, PMTOKEN_CONFIG_DIR: join(work, 'config'), TOKEN_TRAY_DISABLE_UPDATES: '1' };
  console.log(`Starting ${executable}`);
  const spawnedAt = Date.now();
  const child = spawn(executable, [`--smoke-test=${reportPath}`], { env, stdio: 'inherit' });
  const exit = await new Promise((done) => {
    const timer = setTimeout(() => {
      child.kill();
      done({ code: null, timedOut: true });
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, timedOut: false });
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      done({ code: null, timedOut: false, error: err.message });
    });
  });
  let result;
  if (exit.timedOut) result = { ok: false, problem: `the app did not finish within ${timeoutMs / 1000} s` };
  else if (!existsSync(reportPath))
    result = { ok: false, problem: `the app exited (${exit.error ?? `code ${exit.code}`}) without a report` };
  else result = summarize(JSON.parse(readFileSync(reportPath, 'utf8')), spawnedAt, maxMb);
  if (result.ok && exit.code !== 0) result = { ...result, ok: false, problem: `the app exited with code ${exit.code}` };
  rmSync(work, { recursive: true, force: true });
  const markdown = summaryMarkdown(`${process.platform}-${process.arch}`, result, maxMb);
  console.log(markdown);
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n`);
  return result.ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
