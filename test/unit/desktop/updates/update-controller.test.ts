import { describe, expect, it } from 'vitest';
import {
  createSignInTracker,
  createUpdateController,
  defaultUpdateSchedule,
  updateSupport,
  type UpdateSupport,
} from '../../../../main/desktop';
import { fakePort, fakeTimers } from '../../../support/update-fakes';

const hour = 3_600_000;
const on: UpdateSupport = { enabled: true };

function setUp(support: UpdateSupport = on) {
  const timers = fakeTimers();
  const port = fakePort();
  let created = 0;
  const signIns = createSignInTracker(timers, 10 * 60_000);
  const controller = createUpdateController({
    support,
    createPort: () => {
      created++;
      return port;
    },
    signIns,
    timers,
    now: timers.now,
  });
  return { timers, port, signIns, controller, created: () => created };
}

const signInEvent = (flowId: string, stage: 'waiting_for_browser' | 'exchanging' | 'done' | 'failed') =>
  ({ type: 'sign-in-progress', flowId, profileId: 'p1', stage }) as const;

describe('when the app checks for updates', () => {
  it('checks 30 s after start and then every 4 hours', () => {
    const { timers, port, controller } = setUp();
    controller.start();
    timers.advance(29_000);
    expect(port.checks).toBe(0);
    timers.advance(1_000);
    expect(port.checks).toBe(1);
    port.send({ type: 'not-available' });
    expect(controller.state()).toEqual({ kind: 'up-to-date', checkedAt: timers.now() });
    timers.advance(4 * hour - 1);
    expect(port.checks).toBe(1);
    timers.advance(1);
    expect(port.checks).toBe(2);
    expect(defaultUpdateSchedule.everyMs).toBe(4 * hour);
  });

  it('tries again after 30 minutes when there was no connection', () => {
    const { timers, port, controller } = setUp();
    controller.checkNow();
    port.send({ type: 'error', error: new Error('net::ERR_INTERNET_DISCONNECTED') });
    expect(controller.state()).toMatchObject({ kind: 'failed', problem: 'offline' });
    timers.advance(30 * 60_000);
    expect(port.checks).toBe(2);
  });

  it('ignores "Check now" while a check or a download runs, and stops checking once an update is ready', () => {
    const { timers, port, controller } = setUp();
    controller.checkNow();
    controller.checkNow();
    expect(port.checks).toBe(1);
    port.send({ type: 'available', version: '1.1.0' });
    port.send({ type: 'progress', percent: 55.5 });
    expect(controller.state()).toEqual({ kind: 'downloading', version: '1.1.0', percent: 55.5 });
    controller.checkNow();
    expect(port.checks).toBe(1);
    port.send({ type: 'downloaded', version: '1.1.0' });
    expect(controller.state()).toEqual({ kind: 'ready', version: '1.1.0', restartWaitsForSignIn: false });
    expect(timers.pending()).toEqual([]);
    timers.advance(24 * hour);
    expect(port.checks).toBe(1);
  });

  it('never loads the updater or checks when updates are off', () => {
    const support = updateSupport({ install: 'nsis', canWriteInstall: true, env: { TOKEN_TRAY_DISABLE_UPDATES: '1' } });
    const { timers, port, controller, created } = setUp(support);
    controller.start();
    controller.checkNow();
    timers.advance(48 * hour);
    expect(port.checks).toBe(0);
    expect(created()).toBe(0);
    expect(controller.state()).toMatchObject({ kind: 'off' });
    expect(controller.restartToInstall()).toBe('nothing-to-install');
  });

  it('keeps a ready update ready when a later error arrives', () => {
    const { port, controller } = setUp();
    controller.checkNow();
    port.send({ type: 'downloaded', version: '1.1.0' });
    port.send({ type: 'error', error: new Error('boom') });
    expect(controller.state()).toMatchObject({ kind: 'ready' });
  });
});

describe('when the app may restart into an update', () => {
  it('restarts at once when asked and no sign-in runs', () => {
    const { port, controller } = setUp();
    expect(controller.restartToInstall()).toBe('nothing-to-install');
    controller.checkNow();
    port.send({ type: 'downloaded', version: '1.1.0' });
    expect(controller.restartToInstall()).toBe('restarting');
    expect(port.installs).toBe(1);
  });

  it('waits for a sign-in in progress and restarts when it is done', () => {
    const { port, controller, signIns } = setUp();
    const seen: string[] = [];
    controller.onChange((s) => seen.push(s.kind === 'ready' ? `ready:${s.restartWaitsForSignIn}` : s.kind));
    controller.checkNow();
    port.send({ type: 'downloaded', version: '1.1.0' });
    signIns.observe(signInEvent('f1', 'waiting_for_browser'));
    expect(controller.restartToInstall()).toBe('after-sign-in');
    expect(controller.restartToInstall()).toBe('after-sign-in');
    expect(port.installs).toBe(0);
    signIns.observe(signInEvent('f1', 'exchanging'));
    expect(port.installs).toBe(0);
    signIns.observe(signInEvent('f1', 'done'));
    expect(port.installs).toBe(1);
    expect(seen).toEqual(['checking', 'ready:false', 'ready:true']);
  });

  it('also restarts when the waiting sign-in times out without a word from the engine', () => {
    const { timers, port, controller, signIns } = setUp();
    controller.checkNow();
    port.send({ type: 'downloaded', version: '1.1.0' });
    signIns.observe(signInEvent('f1', 'waiting_for_browser'));
    controller.restartToInstall();
    timers.advance(10 * 60_000 - 1);
    expect(port.installs).toBe(0);
    timers.advance(1);
    expect(port.installs).toBe(1);
  });

  it('does not restart by itself when nobody asked', () => {
    const { port, controller, signIns } = setUp();
    controller.checkNow();
    port.send({ type: 'downloaded', version: '1.1.0' });
    signIns.observe(signInEvent('f1', 'waiting_for_browser'));
    signIns.observe(signInEvent('f1', 'failed'));
    expect(port.installs).toBe(0);
  });
});
