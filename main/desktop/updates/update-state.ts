/**
 * What the updater is doing, as plain data, and the words the tray menu and Settings show
 * for it. Errors are sorted into "no connection" and everything else here, once.
 */
import type { UpdateStatus } from '../../contract/ipc';
import type { UpdateSupport } from './update-support';

/** The updater's state. */
export type UpdateState =
  | { kind: 'off'; support: Extract<UpdateSupport, { enabled: false }> }
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'up-to-date'; checkedAt: number }
  | { kind: 'downloading'; version: string; percent: number }
  | { kind: 'ready'; version: string; restartWaitsForSignIn: boolean }
  | { kind: 'failed'; problem: 'offline' | 'other'; checkedAt: number };

/** The state shown while the app has no updater (before the shell made it, or in a test window). */
export const noUpdaterState: UpdateState = {
  kind: 'off',
  support: {
    enabled: false,
    reason: 'development',
    message: 'This copy of Token Tray does not update itself.',
    howToUpdate: 'Download the new version from the Token Tray releases page.',
  },
};

/** Error codes and messages that mean "there is no connection to the update server". */
const offlinePatterns = [
  /\bENOTFOUND\b/,
  /\bEAI_AGAIN\b/,
  /\bECONNREFUSED\b/,
  /\bECONNRESET\b/,
  /\bENETUNREACH\b/,
  /\bEHOSTUNREACH\b/,
  /\bETIMEDOUT\b/,
  /net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|NETWORK_CHANGED|CONNECTION_\w+|ADDRESS_UNREACHABLE|TIMED_OUT|PROXY_CONNECTION_FAILED)/,
];

/** "offline" when the error says the update server could not be reached, else "other". */
export function classifyUpdateError(err: unknown): 'offline' | 'other' {
  const e = err as { code?: unknown; message?: unknown } | null;
  const text = `${typeof e?.code === 'string' ? e.code : ''} ${typeof e?.message === 'string' ? e.message : String(err)}`;
  return offlinePatterns.some((p) => p.test(text)) ? 'offline' : 'other';
}

/** The words for a state: `menu` is null when the tray menu shows nothing for it. */
export interface UpdateWords {
  /** Settings' status line. */
  status: string;
  /** A second line for Settings (how to update instead, what to do next), or null. */
  detail: string | null;
  /** The tray menu item, or null. */
  menu: { label: string; enabled: boolean } | null;
  /** Whether "Check for updates now" may be clicked. */
  canCheck: boolean;
}

/** Turns a state into the words people see. */
export function describeUpdate(state: UpdateState): UpdateWords {
  switch (state.kind) {
    case 'off':
      return { status: state.support.message, detail: state.support.howToUpdate, menu: null, canCheck: false };
    case 'idle':
      return { status: 'Token Tray checks for updates by itself.', detail: null, menu: null, canCheck: true };
    case 'checking':
      return { status: 'Checking for updates…', detail: null, menu: null, canCheck: false };
    case 'up-to-date':
      return { status: 'You’re up to date', detail: null, menu: null, canCheck: true };
    case 'downloading':
      return {
        status: `Downloading version ${state.version}… ${Math.round(state.percent)}%`,
        detail: null,
        menu: null,
        canCheck: false,
      };
    case 'ready':
      return state.restartWaitsForSignIn
        ? {
            status: `Update ready: version ${state.version}`,
            detail: 'Token Tray restarts as soon as the sign-in in progress has finished.',
            menu: { label: `Update ready (${state.version}): restarts after sign-in`, enabled: false },
            canCheck: false,
          }
        : {
            status: `Update ready: restart to install version ${state.version}`,
            detail: 'Or keep working: it installs the next time you quit Token Tray.',
            menu: { label: `Update ready: restart to install ${state.version}`, enabled: true },
            canCheck: false,
          };
    case 'failed':
      return state.problem === 'offline'
        ? {
            status: 'Could not check: no connection',
            detail: 'Token Tray tries again later by itself.',
            menu: null,
            canCheck: true,
          }
        : {
            status: 'Could not check for updates',
            detail:
              'Token Tray tries again later by itself; if this keeps happening, download the new version yourself.',
            menu: null,
            canCheck: true,
          };
  }
}

/** What Settings shows for a state: its words and which buttons work. */
export function updateStatus(state: UpdateState): UpdateStatus {
  const words = describeUpdate(state);
  return {
    status: words.status,
    detail: words.detail,
    canCheck: words.canCheck,
    canRestart: state.kind === 'ready' && !state.restartWaitsForSignIn,
    busy: state.kind === 'checking' || state.kind === 'downloading',
  };
}
