import { describe, expect, it } from 'vitest';
import { createSignInTracker } from '../../../../main/desktop';
import { fakeTimers } from '../../../support/update-fakes';

const progress = (flowId: string, profileId: string, stage: 'waiting_for_browser' | 'done' | 'failed') =>
  ({ type: 'sign-in-progress', flowId, profileId, stage }) as const;

describe('knowing whether a sign-in is in progress', () => {
  it('is busy from "waiting for browser" until done or failed, and tells when it is idle again', () => {
    const tracker = createSignInTracker(fakeTimers(), 60_000);
    let idle = 0;
    tracker.onIdle(() => idle++);
    tracker.observe(progress('a', 'p1', 'waiting_for_browser'));
    tracker.observe(progress('b', 'p2', 'waiting_for_browser'));
    tracker.observe({ type: 'profiles-changed' });
    expect(tracker.busy()).toBe(true);
    tracker.observe(progress('a', 'p1', 'done'));
    expect([tracker.busy(), idle]).toEqual([true, 0]);
    tracker.observe(progress('b', 'p2', 'failed'));
    expect([tracker.busy(), idle]).toEqual([false, 1]);
  });

  it('forgets a flow the engine replaced with a new one for the same profile', () => {
    const tracker = createSignInTracker(fakeTimers(), 60_000);
    tracker.observe(progress('old', 'p1', 'waiting_for_browser'));
    tracker.observe(progress('new', 'p1', 'waiting_for_browser'));
    tracker.observe(progress('new', 'p1', 'done'));
    expect(tracker.busy()).toBe(false);
  });

  it('ends a flow that timed out silently', () => {
    const timers = fakeTimers();
    const tracker = createSignInTracker(timers, 60_000);
    tracker.observe(progress('a', 'p1', 'waiting_for_browser'));
    timers.advance(59_999);
    expect(tracker.busy()).toBe(true);
    timers.advance(1);
    expect(tracker.busy()).toBe(false);
  });
});
