import { describe, expect, it } from 'vitest';
import { coalesce } from '../../../main/desktop';

describe('coalesce', () => {
  it('runs the task once for a burst, and again for a later burst', () => {
    const queued: Array<() => void> = [];
    let runs = 0;
    const request = coalesce(
      () => (runs += 1),
      (run) => queued.push(run),
    );
    request();
    request();
    request();
    expect(queued).toHaveLength(1);
    queued.shift()?.();
    expect(runs).toBe(1);
    request();
    expect(queued).toHaveLength(1);
    queued.shift()?.();
    expect(runs).toBe(2);
  });

  it('waits for the next turn by default, so events of the same turn share one run', async () => {
    let runs = 0;
    const request = coalesce(() => (runs += 1));
    request();
    request();
    expect(runs).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(runs).toBe(1);
  });
});
