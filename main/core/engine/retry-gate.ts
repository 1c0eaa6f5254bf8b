/**
 * Honours a `Retry-After` from ProcessMaker's token endpoint, per profile: until
 * the time passes, no token request goes out for that profile, and callers get
 * "ProcessMaker asked us to wait N seconds". The time is kept in memory and in
 * `refresh-<profileId>.retry-after` beside the profile's lock file, so the tray
 * app and every `pmtoken` process wait alike.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../files';
import { requestedWaitMs, waitError } from '../oauth';
import type { Clock } from '../ports';

/** Where a profile's "no token request before" time is kept. */
export function retryAfterPath(configDir: string, profileId: string): string {
  return join(configDir, `refresh-${profileId}.retry-after`);
}

/** The gate in front of one engine's token requests. */
export interface RetryGate {
  /** Throws the wait error while a Retry-After of this profile has not passed. */
  check(profileId: string): void;
  /** After a failed token request: remembers the wait the error asks for, if any. */
  note(profileId: string, err: unknown): void;
  /** After a successful token request: the wait is over. */
  clear(profileId: string): void;
  /** Runs one token request of this profile through the gate: check, then note or clear. */
  run<T>(profileId: string, request: () => Promise<T>): Promise<T>;
}

/** Builds the {@link RetryGate} over the settings folder. */
export function createRetryGate(configDir: string, clock: Clock): RetryGate {
  const memory = new Map<string, number>();

  const fromDisk = (profileId: string): number => {
    try {
      const until = (JSON.parse(readFileSync(retryAfterPath(configDir, profileId), 'utf8')) as { until?: unknown })
        .until;
      return typeof until === 'number' && Number.isFinite(until) ? until : 0;
    } catch {
      return 0; // No file (the usual case), or not ours.
    }
  };

  const gate: RetryGate = {
    async run(profileId, request) {
      gate.check(profileId);
      let result;
      try {
        result = await request();
      } catch (err) {
        gate.note(profileId, err);
        throw err;
      }
      gate.clear(profileId);
      return result;
    },
    check(profileId) {
      const until = Math.max(memory.get(profileId) ?? 0, fromDisk(profileId));
      const left = until - clock.now();
      if (left > 0) throw waitError(left);
    },
    note(profileId, err) {
      const wait = requestedWaitMs(err);
      if (wait === null || wait <= 0) return;
      const until = clock.now() + wait;
      memory.set(profileId, until);
      try {
        writeFileAtomic(retryAfterPath(configDir, profileId), JSON.stringify({ until }));
      } catch {
        // This process still waits; others may ask once more.
      }
    },
    clear(profileId) {
      memory.delete(profileId);
      try {
        rmSync(retryAfterPath(configDir, profileId), { force: true });
      } catch {
        // A read-only folder: the time on disk has passed anyway.
      }
    },
  };
  return gate;
}
