/** Manual timers and a scripted updater port for the update controller's tests. */
import type { TimerPort } from '../../main/desktop';
import type { UpdaterEvent, UpdaterPort } from '../../main/desktop';

/** Timers that run when the test moves the clock. */
export interface FakeTimers extends TimerPort {
  now(): number;
  advance(ms: number): void;
  pending(): number[];
}

/** Builds {@link FakeTimers} starting at `start`. */
export function fakeTimers(start = 1_000_000): FakeTimers {
  let now = start;
  let next = 1;
  const queue = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => now,
    setTimeout(run, ms) {
      queue.set(next, { at: now + ms, run });
      return next++;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    advance(ms) {
      const until = now + ms;
      for (;;) {
        const due = [...queue].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        queue.delete(due[0]);
        now = due[1].at;
        due[1].run();
      }
      now = until;
    },
    pending: () => [...queue.values()].map((t) => t.at - now).sort((a, b) => a - b),
  };
}

/** An updater port that records calls and lets the test send events. */
export interface FakePort extends UpdaterPort {
  checks: number;
  installs: number;
  send(event: UpdaterEvent): void;
}

/** Builds a {@link FakePort}. */
export function fakePort(): FakePort {
  const listeners: Array<(event: UpdaterEvent) => void> = [];
  const port: FakePort = {
    checks: 0,
    installs: 0,
    check: () => void port.checks++,
    installNow: () => void port.installs++,
    onEvent: (listener) => void listeners.push(listener),
    send: (event) => listeners.forEach((l) => l(event)),
  };
  return port;
}
