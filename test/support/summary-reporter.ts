/**
 * A vitest reporter that ends the run with one plain line, `Tests: N passed, N failed, N skipped`,
 * which CI and people can read without colours. Skipped tests are never counted as passed.
 */
import type { Reporter } from 'vitest/reporters';

interface TaskLike {
  type: string;
  mode?: string;
  result?: { state?: string };
  tasks?: TaskLike[];
}

/** Counts tests by outcome, walking suites. */
export function countTests(tasks: readonly TaskLike[]): { passed: number; failed: number; skipped: number } {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  const walk = (list: readonly TaskLike[]): void => {
    for (const task of list) {
      if (task.tasks) walk(task.tasks);
      if (task.type !== 'test') continue;
      const state = task.result?.state;
      if (state === 'pass') counts.passed++;
      else if (state === 'fail') counts.failed++;
      else if (task.mode === 'skip' || task.mode === 'todo' || state === 'skip') counts.skipped++;
      else counts.failed++; // A test that never finished did not pass.
    }
  };
  walk(tasks);
  return counts;
}

/** Prints the closing line. */
export class SummaryReporter implements Reporter {
  onFinished(files: readonly TaskLike[] = [], errors: readonly unknown[] = []): void {
    const { passed, failed, skipped } = countTests(files);
    const failures = failed + (errors.length > 0 && failed === 0 ? errors.length : 0);
    process.stdout.write(`\nTests: ${passed} passed, ${failures} failed, ${skipped} skipped\n`);
  }
}
