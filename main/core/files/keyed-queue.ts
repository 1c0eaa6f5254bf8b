/**
 * One queue per key: work queued under a key runs after the work queued before
 * it under that key has settled (fulfilled or not), so read-modify-write steps
 * on one file or one keychain item never interleave inside a process. Keys
 * with nothing queued are forgotten.
 */

/** Runs work one after another per key. */
export interface KeyedQueue {
  /** Runs `work` after everything queued before under `key`; its result or error is the caller's. */
  run<T>(key: string, work: () => Promise<T>): Promise<T>;
}

/** Builds an empty {@link KeyedQueue}. */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, work) {
      const before = tails.get(key) ?? Promise.resolve();
      const run = before.then(work, work);
      const settled = run.catch(() => undefined);
      tails.set(key, settled);
      void settled.then(() => {
        if (tails.get(key) === settled) tails.delete(key);
      });
      return run;
    },
  };
}
