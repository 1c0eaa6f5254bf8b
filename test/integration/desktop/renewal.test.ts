import { afterEach, describe, expect, it } from 'vitest';
import {
  createRenewalScheduler,
  createSessionNotices,
  type RenewalScheduler,
  type SchedulerTimers,
} from '../../../main/desktop';
import { addPasswordProfile, createHarness, type Harness, type TestClock } from '../core/support/engine-harness';

/** Access tokens live ten minutes: background renewal is due a quarter of that (2.5 min) before expiry. */
const TTL = 600;

/** Timers on the harness clock: they run when the test moves that clock, never on their own. */
function clockTimers(clock: TestClock) {
  let next = 1;
  const queue = new Map<number, { at: number; run: () => void }>();
  const timers: SchedulerTimers = {
    setTimeout(run, ms) {
      queue.set(next, { at: clock.now() + ms, run });
      return next++;
    },
    clearTimeout: (handle) => void queue.delete(handle as number),
  };
  return {
    timers,
    /** Moves the clock by `ms`, running each timer that falls due (and waiting for what it starts). */
    async advance(ms: number, settle: () => Promise<void>) {
      const until = clock.now() + ms;
      for (;;) {
        const due = [...queue].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        queue.delete(due[0]);
        clock.advance(Math.max(0, due[1].at - clock.now()));
        due[1].run();
        await settle();
      }
      clock.advance(Math.max(0, until - clock.now()));
    },
  };
}

let h: Harness | null = null;
let scheduler: RenewalScheduler | null = null;
afterEach(async () => {
  scheduler?.dispose();
  scheduler = null;
  await h?.close();
  h = null;
});

async function setUp(ttl = TTL) {
  h = await createHarness({ server: { config: { accessTokenTtl: ttl } } });
  const harness = h;
  const profile = await addPasswordProfile(harness);
  const { user } = harness.server.seed;
  await harness.engine.signInWithPassword(profile.id, user.username, user.password);
  harness.server.stats.reset();
  const clock = clockTimers(harness.clock);
  const ended: string[] = [];
  const warnings: string[] = [];
  scheduler = createRenewalScheduler({
    engine: harness.engine,
    timers: clock.timers,
    now: harness.clock.now,
    random: () => 0.5,
    onSessionEnded: (id) => void ended.push(id),
    log: { warn: (m) => void warnings.push(m) },
  });
  const accessToken = async () =>
    (JSON.parse((await harness.secrets.get(profile.id)) ?? '{}') as { accessToken: string }).accessToken;
  // A renewal is a few real HTTP requests and keychain writes: each timer waits for the one it started.
  const s = scheduler;
  const advance = (ms: number) => clock.advance(ms, () => s.settled());
  const status = async () => (await harness.engine.getProfile(profile.id)).status;
  return { harness, profile, clock, ended, warnings, accessToken, advance, status, scheduler };
}

describe('background renewal while the app runs', () => {
  it('renews a signed-in profile before expiry with no one asking, and the new token works', async () => {
    const { harness, profile, accessToken, advance, status, scheduler: s } = await setUp();
    const before = await accessToken();
    const first = await status();
    if (first.state !== 'signed_in' || first.expiresAt === null || first.renewAt === null) throw new Error('not ready');
    // Due 2.5 minutes before expiry; planned a little after that (a tenth of the lead at most, here half of it).
    expect(first.expiresAt - first.renewAt).toBe(150_000);
    await s.replan();
    expect(s.planned().get(profile.id)).toBe(first.renewAt + 7_500);

    await advance(first.renewAt - harness.clock.now() - 1_000);
    expect(harness.server.stats.tokenRequests).toBe(0);
    await advance(20_000);
    expect(harness.server.stats.tokenRequests).toBe(1);
    const after = await accessToken();
    expect(after).not.toBe(before);
    // The renewed token is one ProcessMaker accepts, and well before the old one would have expired.
    expect(harness.clock.now()).toBeLessThan(first.expiresAt - 2 * 60_000);
    expect((await harness.engine.whoami(profile.id)).name).toBeTruthy();
    // The next renewal is planned from the new expiry.
    const next = await status();
    if (next.state !== 'signed_in' || next.renewAt === null) throw new Error('not signed in');
    expect(s.planned().get(profile.id)).toBe(next.renewAt + 7_500);
  });

  it('tokens that live one second are renewed at most once a minute, and the log says they are too short-lived', async () => {
    const { harness, profile, advance, warnings, scheduler: s } = await setUp(1);
    await s.replan();
    await advance(5 * 60_000);
    // One renewal a minute at most (the harness clock also moves in real time while requests run).
    expect(harness.server.stats.tokenRequests).toBeGreaterThanOrEqual(4);
    expect(harness.server.stats.tokenRequests).toBeLessThanOrEqual(6);
    const planned = s.planned().get(profile.id);
    expect(planned).toBeGreaterThan(harness.clock.now());
    expect(warnings).toEqual([
      'ProcessMaker’s tokens for this profile last only 1 s: background renewal waits at least 60 s between renewals, and each copy or request gets a fresh token. Ask your ProcessMaker administrator to make access tokens last longer.',
    ]);
  });

  it('a failing renewal says so honestly, backs off, and clears once ProcessMaker answers again', async () => {
    const { harness, profile, advance, status, warnings, scheduler: s } = await setUp();
    await s.replan();
    const first = await status();
    if (first.state !== 'signed_in' || first.renewAt === null) throw new Error('not signed in');
    harness.server.faults.failNext(2, 503);
    await advance(first.renewAt + 7_500 - harness.clock.now());
    expect(harness.server.stats.tokenRequests).toBe(1);
    const failing = await status();
    expect(failing).toMatchObject({ state: 'signed_in', renewalError: { code: 'server_error' } });
    expect(harness.events.some((e) => e.type === 'status-changed' && e.profileId === profile.id)).toBe(true);
    // First pause 30 s less a tenth (random 0.5 takes 10 %), then twice that.
    const failedAt = harness.clock.now();
    // The harness clock runs in real time too: allow the few milliseconds the request took.
    expect(s.planned().get(profile.id)).toBeGreaterThan(failedAt + 26_500);
    expect(s.planned().get(profile.id)).toBeLessThanOrEqual(failedAt + 27_000);
    const retryAt = s.planned().get(profile.id);
    // Replanning (an event, the tray) does not bring the retry forward.
    await s.replan();
    expect(s.planned().get(profile.id)).toBe(retryAt);
    await advance(27_000);
    expect(harness.server.stats.tokenRequests).toBe(2);
    expect(s.planned().get(profile.id)).toBeGreaterThan(harness.clock.now() + 53_500);
    expect(s.planned().get(profile.id)).toBeLessThanOrEqual(harness.clock.now() + 54_000);
    await advance(54_000);
    expect(harness.server.stats.tokenRequests).toBe(3);
    expect(await status()).toMatchObject({ state: 'signed_in', renewalError: null });
    expect(warnings).toHaveLength(2);
  });

  it('a token another process renewed is left alone, and the plan moves to its expiry', async () => {
    const { harness, profile, accessToken, advance, status, scheduler: s } = await setUp();
    await s.replan();
    const first = await status();
    if (first.state !== 'signed_in' || first.renewAt === null) throw new Error('not signed in');
    harness.clock.advance(first.renewAt - harness.clock.now() - 5_000);
    // `pmtoken refresh` in another process, just before our timer.
    await harness.sibling().refreshNow(profile.id);
    const theirs = await accessToken();
    harness.server.stats.reset();
    await advance(30_000);
    expect(harness.server.stats.tokenRequests).toBe(0);
    expect(await accessToken()).toBe(theirs);
    const next = await status();
    if (next.state !== 'signed_in' || next.renewAt === null) throw new Error('not signed in');
    expect(s.planned().get(profile.id)).toBe(next.renewAt + 7_500);
  });

  it('after sleeping past expiry, waking renews within seconds with the refresh token', async () => {
    const { harness, profile, accessToken, advance, status, scheduler: s } = await setUp();
    await s.replan();
    const before = await accessToken();
    // The computer slept: the clock moved, the timer did not run.
    harness.clock.advance((TTL + 60) * 1000);
    await s.resumed();
    const planned = s.planned().get(profile.id) ?? 0;
    expect(planned - harness.clock.now()).toBeLessThanOrEqual(5_000);
    await advance(5_000);
    expect(harness.server.stats.tokenRequests).toBe(1);
    expect(await accessToken()).not.toBe(before);
    expect(await status()).toMatchObject({ state: 'signed_in', renewalError: null });
  });

  it('a sign-in that ended is told once, "Acme: sign in again", and its click starts the sign-in', async () => {
    const { harness, profile, advance, status, ended, scheduler: s } = await setUp();
    const notes: Array<{ title: string; body: string; onClick?: () => void }> = [];
    const signIns: string[] = [];
    const notices = createSessionNotices({
      engine: harness.engine,
      notify: (title, body, onClick) => void notes.push({ title, body, ...(onClick ? { onClick } : {}) }),
      signIn: (id) => void signIns.push(id),
    });
    harness.engine.onEvent((e) => notices.observe(e));
    await s.replan();
    harness.server.faults.revokeEverything();
    const first = await status();
    if (first.state !== 'signed_in' || first.renewAt === null) throw new Error('not signed in');
    await advance(first.renewAt + 7_500 - harness.clock.now());
    expect(await status()).toMatchObject({ state: 'signed_out', reason: 'session_expired' });
    await expect.poll(() => notes.length).toBe(1);
    expect(notes[0]).toMatchObject({
      title: 'Acme (password): sign in again',
      body: 'Your ProcessMaker sign-in has expired. Click here to sign in again.',
    });
    // Found again (another process, the next plan): still one notification.
    notices.sessionEnded(profile.id);
    await s.replan();
    await advance(60 * 60_000);
    expect(notes).toHaveLength(1);
    expect(s.planned().has(profile.id)).toBe(false);
    expect(ended).toEqual([profile.id]);
    notes[0]?.onClick?.();
    expect(signIns).toEqual([profile.id]);
    // After signing in again, a later ending is told again.
    const { user } = harness.server.seed;
    await harness.engine.signInWithPassword(profile.id, user.username, user.password);
    notices.sessionEnded(profile.id);
    await expect.poll(() => notes.length).toBe(2);
  });
});
