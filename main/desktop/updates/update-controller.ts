/**
 * The updater's behaviour without Electron: checks a little after start and then every few
 * hours (sooner again after "no connection"), follows the download, and restarts into the
 * update only when asked and never while a sign-in is in progress. Otherwise the update
 * installs on the next quit (electron-updater's autoInstallOnAppQuit, see updaterSettings).
 */
import type { RestartOutcome } from '../../contract/ipc';
import type { TimerPort } from '../secret-clipboard';
import type { SignInTracker } from './sign-in-tracker';
import { classifyUpdateError, type UpdateState } from './update-state';
import type { UpdateSupport } from './update-support';

/** What the updater library reports, mapped by the shell. */
export type UpdaterEvent =
  | { type: 'available'; version: string }
  | { type: 'not-available' }
  | { type: 'progress'; percent: number }
  | { type: 'downloaded'; version: string }
  | { type: 'error'; error: unknown };

/** The shell's updater (electron-updater underneath). */
export interface UpdaterPort {
  /** Starts a check; with an update, the download follows by itself. Outcomes arrive as events. */
  check(): void;
  /** Quits and installs the downloaded update, then starts the new version. */
  installNow(): void;
  onEvent(listener: (event: UpdaterEvent) => void): void;
}

/** When to check. */
export interface UpdateSchedule {
  /** After start, so start-up stays quick. */
  firstCheckMs: number;
  everyMs: number;
  /** After "no connection". */
  retryOfflineMs: number;
}

/** The default schedule: 30 s after start, then every 4 hours; 30 minutes after a failed check. */
export const defaultUpdateSchedule: UpdateSchedule = {
  firstCheckMs: 30_000,
  everyMs: 4 * 60 * 60 * 1000,
  retryOfflineMs: 30 * 60 * 1000,
};

/** What {@link createUpdateController} needs. */
export interface UpdateControllerDeps {
  support: UpdateSupport;
  /** Not called when updates are off. */
  createPort(): UpdaterPort;
  signIns: SignInTracker;
  timers: TimerPort;
  now(): number;
  schedule?: UpdateSchedule;
}

/** What asking to restart did (the contract's type: the window is told the same). */
export type { RestartOutcome } from '../../contract/ipc';

/** The controller the tray and Settings talk to. */
export interface UpdateController {
  state(): UpdateState;
  onChange(listener: (state: UpdateState) => void): void;
  /** Schedules the first check. */
  start(): void;
  /** "Check for updates now"; ignored while a check or download runs. */
  checkNow(): void;
  /** "Restart to install". */
  restartToInstall(): RestartOutcome;
  dispose(): void;
}

/** Builds the {@link UpdateController}. */
export function createUpdateController(deps: UpdateControllerDeps): UpdateController {
  const schedule = deps.schedule ?? defaultUpdateSchedule;
  const support = deps.support;
  let current: UpdateState = support.enabled ? { kind: 'idle' } : { kind: 'off', support };
  const listeners = new Set<(state: UpdateState) => void>();
  let timer: unknown = null;
  let stopWaiting: (() => void) | null = null;
  let port: UpdaterPort | null = null;

  const set = (next: UpdateState) => {
    current = next;
    for (const listener of [...listeners]) listener(next);
  };
  const plan = (ms: number) => {
    if (timer !== null) deps.timers.clearTimeout(timer);
    timer = deps.timers.setTimeout(() => {
      timer = null;
      check();
    }, ms);
  };
  const busy = () => current.kind === 'checking' || current.kind === 'downloading' || current.kind === 'ready';

  function onEvent(event: UpdaterEvent): void {
    switch (event.type) {
      case 'available':
        return set({ kind: 'downloading', version: event.version, percent: 0 });
      case 'progress':
        if (current.kind === 'downloading') set({ ...current, percent: Math.max(0, Math.min(100, event.percent)) });
        return;
      case 'downloaded':
        // Nothing more to check for until the update is installed.
        if (timer !== null) deps.timers.clearTimeout(timer);
        timer = null;
        return set({ kind: 'ready', version: event.version, restartWaitsForSignIn: false });
      case 'not-available':
        set({ kind: 'up-to-date', checkedAt: deps.now() });
        return plan(schedule.everyMs);
      case 'error': {
        if (current.kind === 'ready') return;
        set({ kind: 'failed', problem: classifyUpdateError(event.error), checkedAt: deps.now() });
        return plan(schedule.retryOfflineMs);
      }
    }
  }

  function check(): void {
    if (!support.enabled || busy()) return;
    if (!port) {
      port = deps.createPort();
      port.onEvent(onEvent);
    }
    set({ kind: 'checking' });
    plan(schedule.everyMs);
    port.check();
  }

  return {
    state: () => current,
    onChange(listener) {
      listeners.add(listener);
    },
    start() {
      if (support.enabled) plan(schedule.firstCheckMs);
    },
    checkNow: check,
    restartToInstall() {
      if (current.kind !== 'ready' || !port) return 'nothing-to-install';
      if (!deps.signIns.busy()) {
        port.installNow();
        return 'restarting';
      }
      if (!current.restartWaitsForSignIn) {
        set({ ...current, restartWaitsForSignIn: true });
        stopWaiting = deps.signIns.onIdle(() => {
          stopWaiting?.();
          stopWaiting = null;
          port?.installNow();
        });
      }
      return 'after-sign-in';
    },
    dispose() {
      if (timer !== null) deps.timers.clearTimeout(timer);
      timer = null;
      stopWaiting?.();
      listeners.clear();
    },
  };
}
