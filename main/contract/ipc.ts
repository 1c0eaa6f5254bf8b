/**
 * The IPC contract: every channel the renderer may call, declared once as a
 * function signature. Main's handlers (main/ipc) and the preload's API are
 * derived from it, so they cannot drift. Types only, plus the channel list
 * the preload needs at run time; no Node or Electron APIs.
 */
import type {
  ApiEndpoint,
  ApiRequest,
  ApiResponse,
  EngineEvent,
  GrantKind,
  InstanceCheck,
  NewProfileInput,
  PendingSignIn,
  ProfilePatch,
  ProfileView,
  RedirectMode,
  SetupPreview,
  TokenDetails,
  TokenFormat,
  UserInfo,
} from '../core/model';
import type { UserError } from '../core/errors';
import type { THEMES } from '../core/model';
import type { LanguageChoice, Locale, MessageKey, Messages } from '../i18n';

export type { LanguageChoice, Locale, Messages };

export type {
  ApiEndpoint,
  ApiRequest,
  ApiResponse,
  EngineEvent,
  GrantKind,
  InstanceCheck,
  NewProfileInput,
  PendingSignIn,
  ProfilePatch,
  ProfileView,
  RedirectMode,
  SetupPreview,
  TokenDetails,
  UserError,
  UserInfo,
};

/** The forms a token can be copied in: core's token forms (the token, `Bearer …`, the header, a shell line). */
export type CopyFormat = TokenFormat;

/** App-wide preferences (not per profile). */
export interface AppPreferences {
  /** Seconds before a copied token is cleared from the clipboard; 0 = never. */
  clipboardClearSeconds: number;
  launchAtLogin: boolean;
  /** Accelerator such as `CommandOrControl+Shift+T`, or null when off. */
  copyShortcut: string | null;
  theme: (typeof THEMES)[number];
  /** The window's and the tray's language: the system's, or one chosen. */
  language: LanguageChoice;
}

/** Where a preference's value comes from: the person's choice, the organisation's Defaults, or Token Tray's own. */
export type PreferenceSource = 'you' | 'organization' | 'default';
/** The source of every preference. */
export type PreferenceSources = Record<keyof AppPreferences, PreferenceSource>;

/** The window's language and its catalogue (main chooses; the window only says what it is given). */
export interface WindowLocale {
  locale: Locale;
  /** The tag for dates and numbers ('en-GB' when the system is British English). */
  formatLocale: string;
  messages: Messages;
}

/** One console request remembered in history (never a token or secret header). */
export interface HistoryEntry {
  id: string;
  profileId: string;
  at: number;
  request: ApiRequest;
  status: number | null;
  durationMs: number | null;
}

/** Facts about the running app the window shows. */
export interface AppInfo {
  version: string;
  platform: string;
  /** `encrypted-file` means the weaker safeStorage fallback is in use (tell the user). */
  secretStorage: 'keychain' | 'encrypted-file';
  /**
   * Where administrators read how to set up the Auth Client; null while none is set (it comes from
   * the organisation's policy), and then the window shows no link.
   */
  adminHelpUrl: string | null;
  /** What the organisation's policies decide that the window shows (nothing set: all null, and profiles allowed). */
  organization: OrganizationFacts;
}

/** The organisation's policies, as far as the window shows them. */
export interface OrganizationFacts {
  /** `OrganizationName`: "Set up by Acme Corp" on its profiles. */
  name: string | null;
  /** `AllowUserProfiles`: false when only the organisation's profiles may exist. */
  allowUserProfiles: boolean;
  /** `ClipboardClearMaxSeconds`: the longest the clipboard may keep a token. */
  clipboardClearMaxSeconds: number | null;
  /** `Language`, when it names one Token Tray speaks: what "the system's language" means then. */
  language: Locale | null;
}

/** What Settings shows about updates: a status line, an optional second line, and which buttons work. */
export interface UpdateStatus {
  status: string;
  detail: string | null;
  /** "Check for updates now" may be clicked. */
  canCheck: boolean;
  /** "Restart and install" may be clicked: an update is downloaded and no sign-in is in progress. */
  canRestart: boolean;
  /** A check or download is under way (Settings shows progress). */
  busy: boolean;
}

/** What "Restart and install" did. */
export type RestartOutcome = 'restarting' | 'after-sign-in' | 'nothing-to-install';

/** Every channel: name -> signature. Arguments must be structured-clonable. */
export interface IpcChannels {
  appInfo(): AppInfo;
  /** The language the window speaks now, with its catalogue. */
  windowLocale(): WindowLocale;
  listProfiles(): ProfileView[];
  /** Plain sentences about settings set aside (a profile that did not fit, an unreadable file), oldest first. */
  setAsideNotes(): string[];
  /** Reads a pasted or chosen setup link or file and says what it would do (nothing changes yet). */
  previewSetup(input: string): SetupPreview;
  /**
   * Uses a previewed setup (a plain-http address needs `insecureConfirmed`), checking the Auth Client;
   * `clientSecret` is the one the person typed when the setup's maker left it out (else null).
   */
  applySetup(setupId: string, insecureConfirmed: boolean, clientSecret: string | null): ProfileView;
  addProfile(input: NewProfileInput): ProfileView;
  updateProfile(id: string, patch: ProfilePatch): ProfileView;
  duplicateProfile(id: string, name: string): ProfileView;
  removeProfile(id: string): null;
  setActiveProfile(id: string): null;
  checkInstance(url: string, allowInsecure: boolean): InstanceCheck;
  startBrowserSignIn(profileId: string, redirectMode: RedirectMode | null): PendingSignIn;
  waitForSignIn(flowId: string): ProfileView;
  cancelSignIn(flowId: string): null;
  /** Copies the sign-in link of a browser sign-in this window started, for a browser that did not open. */
  copySignInLink(flowId: string): null;
  /**
   * Copies a setup link for a profile (Profiles › Share setup). With `includeSecret` the Auth Client's
   * secret is in it, and the clipboard is cleared as for a token; without it, a client that has a secret
   * is marked as needing one. The link itself never reaches the window.
   */
  copySetupLink(profileId: string, includeSecret: boolean): { clearsInSeconds: number };
  /** Saves the profile's setup file where the person chooses (main asks with the system's save dialog). */
  saveSetupFile(profileId: string, includeSecret: boolean): 'saved' | 'cancelled';
  signInWithPassword(profileId: string, username: string, password: string): ProfileView;
  savePersonalAccessToken(profileId: string, token: string): ProfileView;
  refreshNow(profileId: string): ProfileView;
  tokenDetails(profileId: string): TokenDetails;
  /** The only channel through which a token reaches the renderer: the user pressed Reveal. */
  revealToken(profileId: string): string;
  /** Copies in main; the clipboard is cleared later if it still holds the token. */
  copyToken(profileId: string, format: CopyFormat): { clearsInSeconds: number };
  /** `note`: what to do next, as a catalogue key (signing out of a personal access token does not revoke it). */
  signOut(profileId: string): { note?: MessageKey };
  whoami(profileId: string): UserInfo;
  /** `requestId` is chosen by the renderer so it can cancel. */
  sendRequest(requestId: string, profileId: string, request: ApiRequest): ApiResponse;
  cancelRequest(requestId: string): null;
  apiEndpoints(profileId: string, reload: boolean): ApiEndpoint[];
  listHistory(profileId: string, search: string): HistoryEntry[];
  clearHistory(profileId: string): null;
  /** Copies a curl command; the token is written as `$PM_TOKEN` unless `withToken`. */
  copyCurl(profileId: string, request: ApiRequest, withToken: boolean): null;
  /** Copies non-secret text (a response body). */
  copyText(text: string): null;
  getPreferences(): AppPreferences;
  /** Where each preference's value comes from (Settings says which ones the organisation set). */
  preferenceSources(): PreferenceSources;
  setPreferences(patch: Partial<AppPreferences>): AppPreferences;
  /** Opens an http(s) link in the system browser. */
  openExternal(url: string): null;
  updateStatus(): UpdateStatus;
  /** "Check for updates now": starts a check (ignored while one runs) and answers the new status. */
  checkForUpdates(): UpdateStatus;
  /** Restarts to install a downloaded update, or waits for a sign-in in progress to finish. */
  restartToInstall(): RestartOutcome;
  /** macOS: links /usr/local/bin/pmtoken to the app's pmtoken, after the system's administrator prompt. */
  installPmtokenCommand(): 'installed' | 'cancelled';
}

/** Channel names, in one list the preload iterates at run time. */
export const channelNames = [
  'appInfo',
  'windowLocale',
  'listProfiles',
  'setAsideNotes',
  'previewSetup',
  'applySetup',
  'addProfile',
  'updateProfile',
  'duplicateProfile',
  'removeProfile',
  'setActiveProfile',
  'checkInstance',
  'startBrowserSignIn',
  'waitForSignIn',
  'cancelSignIn',
  'copySignInLink',
  'copySetupLink',
  'saveSetupFile',
  'signInWithPassword',
  'savePersonalAccessToken',
  'refreshNow',
  'tokenDetails',
  'revealToken',
  'copyToken',
  'signOut',
  'whoami',
  'sendRequest',
  'cancelRequest',
  'apiEndpoints',
  'listHistory',
  'clearHistory',
  'copyCurl',
  'copyText',
  'getPreferences',
  'preferenceSources',
  'setPreferences',
  'openExternal',
  'updateStatus',
  'checkForUpdates',
  'restartToInstall',
  'installPmtokenCommand',
] as const satisfies ReadonlyArray<keyof IpcChannels>;

/** Compile-time check that `channelNames` lists every channel. */
type Missing = Exclude<keyof IpcChannels, (typeof channelNames)[number]>;
const allChannelsListed: Missing extends never ? true : Missing = true;
void allChannelsListed;

export type ChannelName = keyof IpcChannels;

/** What every call returns: a thrown error would reach the renderer as a bare string. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: UserError };

/** Events main pushes to the window. */
export type AppEvent =
  | EngineEvent
  | { type: 'preferences-changed' }
  | { type: 'update-changed' }
  /** The language changed (a choice in Settings, or the organisation's): ask windowLocale again. */
  | { type: 'locale-changed' }
  | {
      type: 'show';
      view: 'token' | 'console' | 'settings' | 'setup';
      profileId?: string;
      /** A setup link or file main has read: the window shows its confirmation (no secret in it). */
      setup?: SetupPreview;
    };

/** The API the preload exposes as `window.tokenTray`. */
export type TokenTrayApi = {
  [K in ChannelName]: (...args: Parameters<IpcChannels[K]>) => Promise<Result<ReturnType<IpcChannels[K]>>>;
} & {
  /** Subscribes to pushed events; returns an unsubscribe function. */
  onEvent(listener: (event: AppEvent) => void): () => void;
};

/** Prefix of every IPC channel on the wire. */
export const channelPrefix = 'token-tray:';
/** The channel main pushes {@link AppEvent}s on. */
export const eventChannel = 'token-tray:event';
