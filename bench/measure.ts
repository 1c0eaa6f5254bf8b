/**
 * Timing helpers for `npm run bench`: paired measurements interleaved in rounds,
 * so drift and noise hit both sides alike, compared by their medians.
 */
import { performance } from 'node:perf_hooks';

/** One row of the benchmark table. */
export interface BenchRow {
  name: string;
  subject: string;
  baseline: string;
  /** Median milliseconds per operation (or another unit for non-ratio rows). */
  subjectValue: number;
  baselineValue: number | null;
  unit: string;
  /** subject / baseline, or null for absolute rows. */
  ratio: number | null;
  /** The budget, as a ratio or an absolute value in `unit`; null for a row shown for information only. */
  budget: number | null;
  pass: boolean;
}

/** Median of a non-empty list. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Times one async call in milliseconds. */
export async function timeOnce(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * Runs `subject` and `baseline` alternately (`rounds` times each, after `warmup`
 * untimed rounds) and returns both medians and their ratio.
 */
export async function paired(
  subject: () => Promise<unknown>,
  baseline: () => Promise<unknown>,
  options: { rounds: number; warmup: number },
): Promise<{ subject: number; baseline: number; ratio: number }> {
  for (let i = 0; i < options.warmup; i++) {
    await subject();
    await baseline();
  }
  const s: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < options.rounds; i++) {
    // Alternate which goes first so neither side always runs on a warmer path.
    if (i % 2 === 0) {
      s.push(await timeOnce(subject));
      b.push(await timeOnce(baseline));
    } else {
      b.push(await timeOnce(baseline));
      s.push(await timeOnce(subject));
    }
  }
  const sm = median(s);
  const bm = median(b);
  return { subject: sm, baseline: bm, ratio: sm / bm };
}

/** Builds a ratio row. */
export function ratioRow(
  name: string,
  subject: string,
  baseline: string,
  r: { subject: number; baseline: number; ratio: number },
  budget: number | null,
): BenchRow {
  return {
    name,
    subject,
    baseline,
    subjectValue: r.subject,
    baselineValue: r.baseline,
    unit: 'ms',
    ratio: r.ratio,
    budget,
    pass: budget === null || r.ratio <= budget,
  };
}

/** Prints the table. */
export function printTable(rows: BenchRow[]): void {
  const fmt = (n: number | null, unit: string) =>
    n === null ? '-' : unit === 'ms' ? `${n.toFixed(2)} ms` : `${n.toFixed(1)} ${unit}`;
  const lines = [
    ['benchmark', 'subject', 'baseline', 'ratio', 'budget', 'result'],
    ...rows.map((r) => [
      r.name,
      fmt(r.subjectValue, r.unit),
      fmt(r.baselineValue, r.unit),
      r.ratio === null ? '-' : `${r.ratio.toFixed(2)}x`,
      r.budget === null ? '-' : r.ratio === null ? `<= ${r.budget} ${r.unit}` : `<= ${r.budget}x`,
      r.budget === null ? 'info' : r.pass ? 'ok' : 'OVER',
    ]),
  ];
  const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
  for (const [i, line] of lines.entries()) {
    console.log(line.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  for (const r of rows) console.log(`  ${r.name}: ${r.subject} vs ${r.baseline}`);
}
