/**
 * The real IPC handlers over the real engine (pm-server on 127.0.0.1, the
 * private test keyring, a temp config folder), with the secret clipboard over
 * an in-memory clipboard and a manual timer port so clearing can be observed.
 */
import type { AppEvent } from '../../../main/contract/ipc';
import { createHistoryStore } from '../../../main/desktop';
import { createPreferencesStore, type PreferencesStore } from '../../../main/desktop';
import { createSecretClipboard, type ClipboardPort, type TimerPort } from '../../../main/desktop';
import { createIpcHandlers, type IpcHandlers } from '../../../main/ipc/handlers';
import { createHarness, type Harness } from '../core/support/engine-harness';

/** A timer port that fires only when told. */
export interface ManualTimers extends TimerPort {
  fireAll(): void;
}

function manualTimers(): ManualTimers {
  const queue = new Map<number, () => void>();
  let next = 1;
  return {
    setTimeout(run) {
      queue.set(next, run);
      return next++;
    },
    clearTimeout(handle) {
      queue.delete(handle as number);
    },
    fireAll() {
      for (const [handle, run] of [...queue]) {
        queue.delete(handle);
        run();
      }
    },
  };
}

/** Everything a handler test needs. */
export interface IpcFixture {
  h: Harness;
  handlers: IpcHandlers;
  board: ClipboardPort & { text: string };
  timers: ManualTimers;
  preferences: PreferencesStore;
  events: AppEvent[];
  externalOpened: string[];
  unexpected: unknown[];
  /** Refused calls, as the handlers report them (channel: reason). */
  refusals: string[];
  close(): Promise<void>;
}

/** Builds the fixture. */
export async function createIpcFixture(): Promise<IpcFixture> {
  const h = await createHarness();
  const board = {
    text: '',
    writeText(t: string) {
      board.text = t;
    },
    readText: () => board.text,
  };
  const timers = manualTimers();
  const preferences = createPreferencesStore(h.configDir);
  const events: AppEvent[] = [];
  const externalOpened: string[] = [];
  const unexpected: unknown[] = [];
  const refusals: string[] = [];
  const handlers = createIpcHandlers({
    engine: h.engine,
    clipboard: createSecretClipboard(board, {
      clearAfterSeconds: () => preferences.get().clipboardClearSeconds,
      timers,
    }),
    history: createHistoryStore(h.configDir),
    preferences,
    openExternal: async (url) => void externalOpened.push(url),
    appInfo: {
      version: '0.0.0-test',
      platform: process.platform,
      secretStorage: 'keychain',
      adminHelpUrl: 'https://example.test/admins',
    },
    emit: (e) => events.push(e),
    onUnexpectedError: (_channel, err) => unexpected.push(err),
    onRefused: (channel, reason) => refusals.push(`${channel}: ${reason}`),
  });
  return {
    h,
    handlers,
    board,
    timers,
    preferences,
    events,
    externalOpened,
    unexpected,
    refusals,
    close: () => h.close(),
  };
}

/** Unwraps an ok Result or fails with the error's plain message (never a token). */
export function valueOf<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
