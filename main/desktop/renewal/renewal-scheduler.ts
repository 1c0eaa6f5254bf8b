/**
 * Background renewal while the app runs: one timer per signed-in profile, set from the time core says
 * the renewal is due (`status.renewAt`), with a little jitter so that several profiles (or several
 * machines) do not all ask ProcessMaker at once. A failed renewal is tried again with a growing pause;
 * after the computer sleeps, every plan is made again from the clock. The renewal itself is
 * `engine.renewIfDue`, the same single-flight, cross-process locked refresh every other caller uses.
 */
import type { ProfileView, TokenEngine } from '../../core';
import { isErrorCode, MIN_RENEWAL_INTERVAL_MS } from '../../core';

/** The timers the scheduler uses (Node's, or a test's fake). */
export interface SchedulerTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the scheduler needs. */
export interface RenewalSchedulerDeps {
  engine: Pick<TokenEngine, 'listProfiles' | 'renewIfDue'>;
  timers: SchedulerTimers;
  now(): number;
  /** In [0, 1); Math.random by default. */
  random?(): number;
  /** A renewal found that the sign-in has ended (perhaps ended by another process). */
  onSessionEnded?(profileId: string): void;
  log?: { warn(message: string): void };
}

/** The scheduler's controls. */
export interface RenewalScheduler {
  /** Plans every profile again from its current status (after a sign-in, a refresh, a change of profiles). */
  replan(): Promise<void>;
  /** The computer woke up: timers may have slept through their time, so every plan is made again. */
  resumed(): Promise<void>;
  /** Resolves once no renewal or replanning is under way. */
  settled(): Promise<void>;
  /** When each profile's next renewal attempt is planned (epoch ms), for tests and the log. */
  planned(): ReadonlyMap<string, number>;
  dispose(): void;
}

/** Renewals start up to this much later than due (well before expiry), at random, so that profiles spread out. */
export const RENEWAL_JITTER_MS = 30_000;
/** A wait longer than this is cut short and planned again (clock changes, timer limits). */
export const MAX_TIMER_MS = 60 * 60_000;
/** The first pause after a failed renewal; it doubles with each failure up to {@link MAX_BACKOFF_MS}. */
export const FIRST_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 10 * 60_000;
/** After waking, overdue renewals wait up to this long, giving the network a moment to come back. */
export const RESUME_SETTLE_MS = 5_000;

/** The pause before attempt `failures + 1` (failures ≥ 1), with up to 20 % taken off at random. */
export function backoffMs(failures: number, random: number): number {
  const full = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(full * (1 - 0.2 * random));
}

/**
 * When to try a renewal due at `renewAt` for a token that expires at `expiresAt`, seen at `now`: a
 * little after it is due (at most a tenth of the lead, so well before expiry), never in the past.
 */
export function plannedAt(renewAt: number, expiresAt: number, now: number, random: number, settleMs = 0): number {
  const jitter = Math.min(RENEWAL_JITTER_MS, Math.max(0, expiresAt - renewAt) / 10) * random;
  const at = renewAt + jitter;
  return at <= now ? now + settleMs * random : at;
}

/** Builds the scheduler; call {@link RenewalScheduler.replan} to start it. */
export function createRenewalScheduler(deps: RenewalSchedulerDeps): RenewalScheduler {
  const random = deps.random ?? Math.random;
  const timers = new Map<string, { handle: unknown; at: number }>();
  const failures = new Map<string, number>();
  const running = new Set<string>();
  /** Profiles whose tokens were found to live less than {@link MIN_RENEWAL_INTERVAL_MS} (said once). */
  const shortLived = new Set<string>();
  const work = new Set<Promise<void>>();
  let disposed = false;

  /** Keeps `task` in `work` until it ends, so {@link RenewalScheduler.settled} can wait for it. */
  const track = (task: Promise<void>): Promise<void> => {
    work.add(task);
    void task.finally(() => work.delete(task));
    return task;
  };

  const clear = (profileId: string) => {
    const timer = timers.get(profileId);
    if (timer) deps.timers.clearTimeout(timer.handle);
    timers.delete(profileId);
  };

  const setTimer = (profileId: string, at: number) => {
    clear(profileId);
    if (disposed) return;
    const wait = Math.min(Math.max(0, at - deps.now()), MAX_TIMER_MS);
    const handle = deps.timers.setTimeout(() => {
      timers.delete(profileId);
      // A long wait was cut short: look again rather than renew early.
      if (at > deps.now() + 1_000) void track(replan());
      else void track(renew(profileId));
    }, wait);
    timers.set(profileId, { handle, at });
  };

  /** Plans one profile from its status; `settleMs` spreads overdue renewals after waking. */
  const plan = (profile: ProfileView, settleMs = 0) => {
    const status = profile.status;
    if (status.state !== 'signed_in' || status.renewAt === null || status.expiresAt === null) {
      clear(profile.id);
      failures.delete(profile.id);
      return;
    }
    // While renewals are failing, the backoff timer stands (replanning must not hammer a server that is down).
    if (running.has(profile.id) || ((failures.get(profile.id) ?? 0) > 0 && timers.has(profile.id))) return;
    setTimer(profile.id, plannedAt(status.renewAt, status.expiresAt, deps.now(), random(), settleMs));
  };

  /** Says once, while it lasts, that a profile's server hands out tokens shorter than the renewal floor. */
  const noteLifetime = (profile: ProfileView) => {
    const status = profile.status;
    if (status.state !== 'signed_in' || status.expiresAt === null) return;
    const left = status.expiresAt - deps.now();
    if (left >= MIN_RENEWAL_INTERVAL_MS) {
      shortLived.delete(profile.id);
      return;
    }
    if (shortLived.has(profile.id)) return;
    shortLived.add(profile.id);
    const seconds = Math.max(1, Math.round(left / 1000));
    deps.log?.warn(
      `ProcessMaker’s tokens for this profile last only ${seconds} s: background renewal waits at least ${MIN_RENEWAL_INTERVAL_MS / 1000} s between renewals, and each copy or request gets a fresh token. Ask your ProcessMaker administrator to make access tokens last longer.`,
    );
  };

  const renew = async (profileId: string) => {
    if (disposed || running.has(profileId)) return;
    running.add(profileId);
    try {
      const next = await deps.engine.renewIfDue(profileId);
      failures.delete(profileId);
      running.delete(profileId);
      noteLifetime(next);
      plan(next);
    } catch (err) {
      running.delete(profileId);
      if (isErrorCode(err, 'session_expired', 'signed_out', 'not_found')) {
        failures.delete(profileId);
        clear(profileId);
        if (isErrorCode(err, 'session_expired')) deps.onSessionEnded?.(profileId);
        return;
      }
      const count = (failures.get(profileId) ?? 0) + 1;
      failures.set(profileId, count);
      deps.log?.warn(`Background renewal failed (attempt ${count}); trying again later.`);
      setTimer(profileId, deps.now() + backoffMs(count, random()));
    }
  };

  const replanWith = async (settleMs: number) => {
    if (disposed) return;
    const profiles = await deps.engine.listProfiles().catch(() => null);
    if (!profiles || disposed) return;
    const ids = new Set(profiles.map((p) => p.id));
    for (const id of [...timers.keys()]) {
      if (!ids.has(id)) {
        clear(id);
        failures.delete(id);
      }
    }
    for (const profile of profiles) plan(profile, settleMs);
  };
  const replan = () => replanWith(0);

  return {
    replan,
    async resumed() {
      // Every timer is suspect after sleep; failures are kept, but their pause starts again from now.
      for (const id of [...timers.keys()]) clear(id);
      await replanWith(RESUME_SETTLE_MS);
    },
    async settled() {
      while (work.size > 0) await Promise.allSettled([...work]);
    },
    planned: () => new Map([...timers].map(([id, t]) => [id, t.at])),
    dispose() {
      disposed = true;
      for (const id of [...timers.keys()]) clear(id);
    },
  };
}
