import { describe, expect, it } from 'vitest';
import { countTests } from '../../support/summary-reporter';

describe('the closing summary line', () => {
  it('counts passed, failed and skipped tests through nested suites, and never counts a skipped test as passed', () => {
    const files = [
      {
        type: 'suite',
        tasks: [
          { type: 'test', result: { state: 'pass' } },
          { type: 'test', result: { state: 'fail' } },
          {
            type: 'suite',
            tasks: [
              { type: 'test', mode: 'skip' },
              { type: 'test', result: { state: 'pass' } },
            ],
          },
        ],
      },
      {
        type: 'suite',
        tasks: [
          { type: 'test', mode: 'todo' },
          { type: 'test', mode: 'run', result: { state: 'skip' } },
        ],
      },
    ];
    expect(countTests(files)).toEqual({ passed: 2, failed: 1, skipped: 3 });
  });

  it('counts a test that never finished as failed', () => {
    expect(countTests([{ type: 'suite', tasks: [{ type: 'test', mode: 'run' }] }])).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
    });
  });
});
