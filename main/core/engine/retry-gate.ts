/**
 * Honours a `Retry-After` from ProcessMaker's token endpoint, per profile: until
 * the time passes, no token request goes out for that profile, and callers get
 * "ProcessMaker asked us to wait N seconds". The time is kept in memory and in
 * `refresh-<profileId>.retry-after` beside the profile's lock file, so the tray
 * app and every `pmtoken` process wait alike. An answer whose token had already
 * expired waits the same way (a minute, doubling while it goes on), so a server
 * that hands out such tokens is not asked again by every call.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { TokenTrayError } from '../errors';
import { writeFileAtomic } from '../files';
import { requestedWaitMs, waitError } from '../oauth';
import type { Clock } from '../ports';

/** Where a profile's "no token request before" time is kept. */
export function retryAfterPath(configDir: string, profileId: string): string {
  return join(configDir, `refresh-${profileId}.retry-after`);
}

/** The pause after a token answer that had already expired; it doubles with each one in a row, up to the cap. */
export const EXPIRED_ANSWER_PAUSE_MS = 60_000;
export const EXPIRED_ANSWER_MAX_PAUSE_MS = 15 * 60_000;

/** Until when no token request goes out, and how many already-expired answers in a row caused it (0: a Retry-After). */
interface Wait {
  until: number;
  expired: number;
}

const isExpiredAnswer = (err: unknown): boolean =>
  err instanceof TokenTrayError && err.key === 'error.token.already_expired';

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
  const memory = new Map<string, Wait>();

  const fromDisk = (profileId: string): Wait => {
    try {
      const { until, expired } = JSON.parse(readFileSync(retryAfterPath(configDir, profileId), 'utf8')) as {
        until?: unknown;
        expired?: unknown;
      };
      return {
        until: typeof until === 'number' && Number.isFinite(until) ? until : 0,
        expired: typeof expired === 'number' && Number.isInteger(expired) && expired > 0 ? Math.min(expired, 32) : 0,
      };
    } catch {
      return { until: 0, expired: 0 }; // No file (the usual case), or not ours.
    }
  };
  /** The later of this process's wait and the one on disk (another process may have noted one). */
  const current = (profileId: string): Wait => {
    const disk = fromDisk(profileId);
    const mine = memory.get(profileId);
    return mine && mine.until > disk.until ? mine : disk;
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
      const { until, expired } = current(profileId);
      const left = until - clock.now();
      if (left <= 0) return;
      if (expired === 0) throw waitError(left);
      throw new TokenTrayError('unexpected_response', 'error.token.already_expired.wait', {
        params: { seconds: Math.max(1, Math.ceil(left / 1000)) },
      });
    },
    note(profileId, err) {
      let wait = requestedWaitMs(err);
      let expired = 0;
      if (isExpiredAnswer(err)) {
        expired = current(profileId).expired + 1;
        wait = Math.min(EXPIRED_ANSWER_MAX_PAUSE_MS, EXPIRED_ANSWER_PAUSE_MS * 2 ** (expired - 1));
      }
      if (wait === null || wait <= 0) return;
      const until = clock.now() + wait;
      memory.set(profileId, { until, expired });
      try {
        writeFileAtomic(
          retryAfterPath(configDir, profileId),
          JSON.stringify(expired > 0 ? { until, expired } : { until }),
        );
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
