/**
 * What the updater is doing, as plain data, and the words the tray menu and Settings show
 * for it. Errors are sorted into "no connection" and everything else here, once.
 */
import type { UpdateStatus } from '../../contract/ipc';
import type { UpdateSupport } from './update-support';
import { english, type Translator } from '../../i18n';

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
    message: 'app.update.off.none',
    howToUpdate: 'app.update.off.none.how',
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
export function describeUpdate(state: UpdateState, say: Translator = english): UpdateWords {
  switch (state.kind) {
    case 'off': {
      const { support } = state;
      const where = support.downloadUrl
        ? say.t('app.update.where.url', { url: support.downloadUrl })
        : say.t('app.update.where.releases');
      return {
        status: say.t(support.message),
        detail: say.t(support.howToUpdate, { where }),
        menu: null,
        canCheck: false,
      };
    }
    case 'idle':
      return { status: say.t('app.update.idle'), detail: null, menu: null, canCheck: true };
    case 'checking':
      return { status: say.t('app.update.checking'), detail: null, menu: null, canCheck: false };
    case 'up-to-date':
      return { status: say.t('app.update.up_to_date'), detail: null, menu: null, canCheck: true };
    case 'downloading':
      return {
        status: say.t('app.update.downloading', { version: state.version, percent: Math.round(state.percent) / 100 }),
        detail: null,
        menu: null,
        canCheck: false,
      };
    case 'ready': {
      const version = state.version;
      return state.restartWaitsForSignIn
        ? {
            status: say.t('app.update.ready_after_sign_in', { version }),
            detail: say.t('app.update.ready_after_sign_in.detail'),
            menu: { label: say.t('app.update.ready_after_sign_in.menu', { version }), enabled: false },
            canCheck: false,
          }
        : {
            status: say.t('app.update.ready', { version }),
            detail: say.t('app.update.ready.detail'),
            menu: { label: say.t('app.update.ready.menu', { version }), enabled: true },
            canCheck: false,
          };
    }
    case 'failed':
      return state.problem === 'offline'
        ? {
            status: say.t('app.update.offline'),
            detail: say.t('app.update.offline.detail'),
            menu: null,
            canCheck: true,
          }
        : { status: say.t('app.update.failed'), detail: say.t('app.update.failed.detail'), menu: null, canCheck: true };
  }
}

/** What Settings shows for a state: its words and which buttons work. */
export function updateStatus(state: UpdateState, say: Translator = english): UpdateStatus {
  const words = describeUpdate(state, say);
  return {
    status: words.status,
    detail: words.detail,
    canCheck: words.canCheck,
    canRestart: state.kind === 'ready' && !state.restartWaitsForSignIn,
    busy: state.kind === 'checking' || state.kind === 'downloading',
  };
}
