/** `npm run bench`: every benchmark, printed as one table. Exits 1 when a budget is exceeded. */
import { bundleBench } from './bundle-bench';
import { cliBench } from './cli-bench';
import { coreBench } from './core-bench';
import { printTable, type BenchRow } from './measure';
import { rendererBench } from './renderer-bench';

async function main(): Promise<void> {
  const cliPath = process.argv[2] ?? 'dist/cli/pmtoken.js';
  const executablePath = process.argv[3] ?? `dist/pmtoken/pmtoken${process.platform === 'win32' ? '.exe' : ''}`;
  const rows: BenchRow[] = [];
  rows.push(...(await coreBench()));
  rows.push(...(await cliBench(cliPath, executablePath)));
  rows.push(...(await rendererBench('dist/renderer')));
  rows.push(...bundleBench());
  printTable(rows);
  const over = rows.filter((r) => !r.pass);
  if (over.length > 0) {
    console.log(`\n${over.length} benchmark(s) over budget.`);
    process.exitCode = 1;
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exitCode = 1;
});
