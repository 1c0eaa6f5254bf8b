/**
 * The public shape of core: profiles, status, and the {@link TokenEngine}
 * facade that the shell, the IPC handlers and the CLI call. Types only, no
 * Node APIs, so the renderer's type boundary can include them.
 */
import type { ErrorParams, ErrorSentenceKey, UserError } from '../errors';
import type { MessageKey } from '../../i18n';
import type { HTTP_METHODS, REDIRECT_MODES, SIGN_IN_KINDS, TOKEN_FORMATS } from './lists';

/** How a profile gets its token. */
export type GrantKind = (typeof SIGN_IN_KINDS)[number];

/** Where the browser returns after an authorization-code sign-in. */
export type RedirectMode = (typeof REDIRECT_MODES)[number];

/** One of {@link TOKEN_FORMATS}. */
export type TokenFormat = (typeof TOKEN_FORMATS)[number];

/** The non-secret settings of a profile (stored in the settings file). */
export interface Profile {
  /** Stable random id (not the name: names can be renamed). */
  id: string;
  /** Unique, what people see and what `pmtoken` takes. */
  name: string;
  /** Normalised base address, no trailing slash, e.g. `https://acme.processmaker.net`. */
  instanceUrl: string;
  /** The Auth Client's id as ProcessMaker shows it (often digits, sometimes text); empty for personal access tokens. */
  clientId: string;
  grant: GrantKind;
  redirectMode: RedirectMode;
  /** Optional OAuth scope; ProcessMaker accepts none or `*`. */
  scope?: string;
  /** Remembered for the password grant's form (not a secret). */
  username?: string;
  /** UI colour, `#rrggbb`. */
  color?: string;
  /** Marks a production instance: the console asks before changing requests. */
  production?: boolean;
  /**
   * Set up by the organisation's `Profiles` policy: its connection details follow the policy and
   * cannot be changed or removed here (signing in and out stays the person's).
   */
  managed?: boolean;
}

/** What the user typed when creating a profile. `clientSecret` goes to the keychain only. */
export interface NewProfileInput {
  name: string;
  instanceUrl: string;
  clientId?: string;
  clientSecret?: string;
  grant: GrantKind;
  redirectMode?: RedirectMode;
  scope?: string;
  color?: string;
  production?: boolean;
  /** Accept a plain-http address that is not localhost (the user confirmed). */
  allowInsecure?: boolean;
}

/** Changes to a profile; `clientSecret: null` forgets the stored secret. */
export interface ProfilePatch {
  name?: string;
  instanceUrl?: string;
  clientId?: string;
  clientSecret?: string | null;
  grant?: GrantKind;
  redirectMode?: RedirectMode;
  scope?: string | null;
  color?: string | null;
  production?: boolean;
  allowInsecure?: boolean;
}

/** The signed-in user, for display only. */
export interface UserInfo {
  id: string;
  /** Full name when known, else the username. */
  name: string;
  username?: string;
  email?: string;
}

/** Signed in or not, and until when; `keychain_unavailable` when the keychain could not be asked. */
export type ProfileStatus =
  | { state: 'signed_out'; reason: 'never' | 'session_expired' | 'signed_out' }
  | {
      state: 'signed_in';
      expiresAt: number | null;
      user: UserInfo | null;
      refreshable: boolean;
      /** When the app renews the token in the background (epoch ms); null when it cannot be renewed. */
      renewAt: number | null;
      /**
       * Why the last renewal failed (ProcessMaker unreachable, an error on its side), until one succeeds.
       * The token itself still works until `expiresAt`.
       */
      renewalError: UserError | null;
    }
  | { state: 'keychain_unavailable' };

/** A profile as the UI and CLI show it. */
export interface ProfileView extends Profile {
  status: ProfileStatus;
  hasClientSecret: boolean;
  active: boolean;
}

/** Claims decoded from a JWT access token, for display (never trusted). */
export interface TokenClaims {
  sub?: string;
  aud?: string | string[];
  jti?: string;
  scopes?: string[];
  /** Unix seconds, possibly fractional, as ProcessMaker issues them. */
  iat?: number;
  nbf?: number;
  exp?: number;
}

/** What the token view shows without revealing the token. */
export interface TokenDetails {
  profileId: string;
  kind: 'oauth' | 'personal_access_token';
  /** Epoch milliseconds, or null when unknown. */
  expiresAt: number | null;
  claims: TokenClaims | null;
  /** The token with all but the first and last 4 characters masked. */
  masked: string;
  refreshable: boolean;
}

/** A token with what a script needs to know about it ({@link TokenEngine.freshTokenInfo}). */
export interface FreshToken {
  token: string;
  kind: 'oauth' | 'personal_access_token';
  /** Epoch milliseconds, or null when unknown. */
  expiresAt: number | null;
}

/** Result of checking an address typed during setup. */
export interface InstanceCheck {
  url: string;
  reachable: boolean;
  looksLikeProcessMaker: boolean;
  /**
   * What is off, when something is: its code (`insecure_url` asks the window to offer "I trust this
   * network"), plain sentence and next step, as every other error.
   */
  error?: UserError;
}

/** An authorization-code sign-in that is waiting for the browser. */
export interface PendingSignIn {
  flowId: string;
  profileId: string;
  authorizeUrl: string;
  redirectMode: RedirectMode;
  /** Epoch ms when the flow gives up. */
  expiresAt: number;
  /**
   * False when the system browser could not be opened: the flow still waits, and the window shows
   * the link with a Copy button so the person can open it themselves.
   */
  browserOpened: boolean;
}

/** One request from the console or `pmtoken request`. */
export interface ApiRequest {
  method: (typeof HTTP_METHODS)[number];
  /** Relative to `<instance>/api/1.0/` (e.g. `users?page=2`), or a full URL on the same origin. */
  path: string;
  query?: Array<[string, string]>;
  headers?: Array<[string, string]>;
  /** JSON text; validated before sending. */
  body?: string;
  timeoutMs?: number;
  /** How much of the body to keep as text (default 1 MB; at most 50 MB). The CLI asks for more than the window. */
  maxTextBytes?: number;
}

/** The answer to an {@link ApiRequest}. */
export interface ApiResponse {
  status: number;
  statusText: string;
  url: string;
  headers: Array<[string, string]>;
  durationMs: number;
  /** Size of the whole body in bytes. */
  sizeBytes: number;
  /** Parsed JSON when the body was JSON, else null. */
  json: unknown;
  /** The body as text, capped for display. */
  text: string;
  truncated: boolean;
  /** True when the runner refreshed the token and retried once after a 401. */
  retriedAfterRefresh: boolean;
}

/** One endpoint from the instance's OpenAPI document, for path suggestions. */
export interface ApiEndpoint {
  method: string;
  path: string;
  summary?: string;
}

/** Pushed to listeners when something changes. */
export type EngineEvent =
  | { type: 'profiles-changed' }
  | { type: 'status-changed'; profileId: string }
  | { type: 'token-refreshed'; profileId: string }
  | { type: 'signed-in'; profileId: string }
  | { type: 'signed-out'; profileId: string; reason: 'session_expired' | 'signed_out' }
  | {
      type: 'sign-in-progress';
      flowId: string;
      profileId: string;
      stage: 'waiting_for_browser' | 'exchanging' | 'done' | 'failed';
    };

/** A setup link or file as the confirmation shows it: everything but the secret, and what using it would do. */
export interface SetupPreview {
  /** Names the setup held in main (its secret never leaves main); valid for ten minutes. */
  setupId: string;
  name: string;
  instanceUrl: string;
  /** The host alone, shown large: the one thing the person must recognise. */
  host: string;
  grant: GrantKind;
  clientId: string | null;
  hasClientSecret: boolean;
  /** The Auth Client has a secret the setup's maker left out: the confirmation asks for it. */
  needsClientSecret: boolean;
  /** The server's name has letters beyond ASCII: `host` is its punycode, and the confirmation warns. */
  hostInOtherLetters: boolean;
  production: boolean;
  /** Plain http to another computer: the confirmation warns, and applying needs `insecureConfirmed`. */
  insecure: boolean;
  plan:
    | {
        action: 'add';
        name: string;
        /** The setup's own name, taken by a profile of that name for another server (`renamedFromHost`). */
        renamedFrom?: string;
        renamedFromHost?: string;
        /** An existing profile whose name looks the same, spelt with other letters. */
        looksLike?: string;
      }
    | {
        action: 'update';
        profileId: string;
        name: string;
        /** Each difference as a key of the setup catalogue and its values. */
        differences: Array<{ key: Extract<MessageKey, `setup.difference.${string}`>; params?: Record<string, string> }>;
      };
}

/** The facade over core. Every method throws {@link TokenTrayError} on failure. */
export interface TokenEngine {
  listProfiles(): Promise<ProfileView[]>;
  getProfile(idOrName: string): Promise<ProfileView>;
  /**
   * Saves a new profile. With `checkClient`, ProcessMaker is first asked whether it accepts the Auth
   * Client (no user credentials are sent): a rejected client throws `client_rejected` and nothing is
   * saved; a ProcessMaker that cannot be asked does not stop the save.
   */
  addProfile(input: NewProfileInput, options?: { checkClient?: boolean }): Promise<ProfileView>;
  /** Changes a profile; with `checkClient`, a change of address, client, secret or sign-in kind is checked as in addProfile. */
  updateProfile(id: string, patch: ProfilePatch, options?: { checkClient?: boolean }): Promise<ProfileView>;
  duplicateProfile(id: string, name: string): Promise<ProfileView>;
  removeProfile(id: string): Promise<void>;
  setActiveProfile(id: string): Promise<void>;
  /** The active profile, or null when there is none. */
  activeProfile(): Promise<ProfileView | null>;
  /** Plain sentences about settings that were set aside (a profile that did not fit, an unreadable file), oldest first. */
  setAsideNotes(): Promise<SetAsideNote[]>;
  checkInstance(url: string, options?: { allowInsecure?: boolean }): Promise<InstanceCheck>;
  /**
   * Reads a setup link or file (see core/setup) and says what using it would do; nothing changes yet.
   * `isServerAllowed` is the organisation's policy, when it has one.
   */
  previewSetup(input: string, options?: { isServerAllowed?: (instanceUrl: string) => boolean }): Promise<SetupPreview>;
  /**
   * Uses a previewed setup: adds the profile (or updates the one with the same address), checking the
   * Auth Client first, and makes it the active profile. A plain-http address needs `insecureConfirmed`.
   */
  applySetup(setupId: string, options?: { insecureConfirmed?: boolean; clientSecret?: string }): Promise<ProfileView>;
  /**
   * A setup link or file's text for a profile, so that a colleague gets the same profile. The Auth
   * Client's secret is in it unless `includeSecret` is false (then it says the client has one, and
   * whoever uses it is asked for it); nobody's password or token ever is.
   */
  exportSetup(profileId: string, options: { format: 'link' | 'file'; includeSecret?: boolean }): Promise<string>;
  /**
   * Makes the profiles of the organisation's `Profiles` policy (setup files as text or objects)
   * exist and match it: adds the missing ones, updates the managed ones, and releases managed
   * profiles the policy no longer lists (they stay, unlocked, with their sign-in). An entry that
   * cannot be used is left out and told in `problems`; the others still apply. With `release: false`
   * (the policies could not all be read) nothing is released: a store that failed once frees nothing.
   */
  applyManagedProfiles(entries: readonly unknown[], options?: { release?: boolean }): Promise<ManagedProfilesOutcome>;

  /** Starts an authorization-code sign-in and opens the browser through the injected `openBrowser`. */
  startBrowserSignIn(
    profileId: string,
    options?: {
      redirectMode?: RedirectMode;
      openBrowser?: boolean;
      timeoutMs?: number;
      /** Wording of the loopback page after sign-in: back to the app (default) or to the terminal. */
      returnTo?: 'app' | 'terminal';
    },
  ): Promise<PendingSignIn>;
  /** Resolves when the flow completes (or rejects with sign_in_cancelled, sign_in_timeout, ...). */
  waitForSignIn(flowId: string): Promise<ProfileView>;
  cancelSignIn(flowId: string): void;
  /**
   * Hands a `pmtokentray://oauth/callback?...` URL to the waiting flow. Returns false for a URL that is
   * not a sign-in callback; rejects with `state_mismatch` for a callback whose state no waiting flow has
   * (that flow keeps waiting); otherwise resolves true once the flow ended (its outcome goes to
   * `waitForSignIn` and the events).
   */
  handleCallbackUrl(url: string): Promise<boolean>;
  signInWithPassword(profileId: string, username: string, password: string): Promise<ProfileView>;
  /** Checks the PAT against ProcessMaker, then stores it. */
  savePersonalAccessToken(profileId: string, token: string): Promise<ProfileView>;

  /** A token valid for at least the next minute (refreshing ahead of expiry, single-flight, cross-process locked). */
  freshToken(profileId: string): Promise<string>;
  /**
   * Like {@link TokenEngine.freshToken}, with the token's kind and expiry; `minValidityMs` (default one minute)
   * asks for a token valid at least that long, refreshing first when it can (a token that cannot be
   * refreshed is returned as it is: the caller checks `expiresAt`).
   */
  freshTokenInfo(profileId: string, options?: { minValidityMs?: number }): Promise<FreshToken>;
  refreshNow(profileId: string): Promise<ProfileView>;
  /**
   * Renews the token when its background renewal is due (see `renewAt`), through the same single-flight,
   * cross-process locked refresh as every other caller; a token renewed elsewhere is left alone.
   * Resolves with the profile as it is afterwards; rejects as `freshToken` does.
   */
  renewIfDue(profileId: string): Promise<ProfileView>;
  tokenDetails(profileId: string): Promise<TokenDetails>;
  /** `note`: what to do next, as a catalogue key (signing out of a personal access token does not revoke it). */
  signOut(profileId: string): Promise<{ note?: MessageKey }>;
  whoami(profileId: string): Promise<UserInfo>;
  request(profileId: string, request: ApiRequest, signal?: AbortSignal): Promise<ApiResponse>;
  /** Endpoints from `/docs/api-docs.json`, cached per profile; empty when unavailable. */
  apiEndpoints(profileId: string, options?: { reload?: boolean }): Promise<ApiEndpoint[]>;

  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** Stops listeners, timers and loopback servers. */
  dispose(): Promise<void>;
}

/** One thing set aside: its sentence (errors catalogue) and values, and the English sentence as stored. */
export interface SetAsideNote {
  /** Absent for items written before notes had keys: then only the English `reason` is known. */
  key?: ErrorSentenceKey;
  params?: ErrorParams;
  reason: string;
}

/** What {@link TokenEngine.applyManagedProfiles} did. */
export interface ManagedProfilesOutcome {
  added: string[];
  updated: string[];
  released: string[];
  /** Entries left out, with the setup's own sentence (their place in the list counts from 1). */
  problems: Array<{ entry: number; error: UserError }>;
}
