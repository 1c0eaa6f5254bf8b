/**
 * Ports: everything core needs from the outside world, passed in so the same
 * code runs in Electron (net.fetch, keytar or safeStorage), in the CLI (Node's
 * fetch, keytar) and in tests (real server, real keyring).
 */
import type { GrantKind } from './model';
import type { Translator } from '../i18n';

/** The subset of WHATWG fetch core uses (Electron's `net.fetch` and Node's `fetch` both fit). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** A keychain-like store of strings, keyed by account, under one service name. */
export interface SecretStore {
  /** `keychain` for the OS keychain; `encrypted-file` for the weaker safeStorage fallback. */
  readonly kind: 'keychain' | 'encrypted-file';
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  /** Returns true when something was deleted. */
  delete(account: string): Promise<boolean>;
}

/** A JSON settings file with atomic writes (the app and the CLI open the same file). */
export interface SettingsFile<T> {
  /** The current content (a copy; mutate and pass to `write`). */
  read(): T;
  /** Replaces the content atomically (write to a temp file, then rename). */
  write(value: T): void;
  /** Absolute path of the file (the cross-process lock lives beside it). */
  readonly path: string;
}

/** Time source; tests fake only this. */
export interface Clock {
  now(): number;
}

/** Log sink; the logger core builds on it redacts tokens before they reach here. */
export interface LogSink {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Everything {@link createTokenEngine} needs. */
export interface EnginePorts {
  fetch: FetchLike;
  /** The app's language, for the pages the browser shows after sign-in (English when absent, as in pmtoken). */
  say?: () => Translator;
  secrets: SecretStore;
  /** Folder holding the settings file and the refresh lock file. */
  configDir: string;
  /** Opens a URL in the system browser (Electron's shell.openExternal, or `open`/`xdg-open` in the CLI). */
  openBrowser(url: string): Promise<void>;
  clock?: Clock;
  log?: LogSink;
  /** Overrides the settings file (default: `<configDir>/config.json`, see createSettingsFile). */
  settings?: SettingsFile<unknown>;
  /**
   * Whether the organisation's policy (`AllowedServers`) lets Token Tray connect to a server; read on
   * every check, so a policy re-read at run time applies at once. No policy: every server is allowed.
   */
  isServerAllowed?(instanceUrl: string): boolean;
  /**
   * Whether the organisation's `AllowedServers` names this server (no list names none): only a listed
   * server may have a name that mixes alphabets.
   */
  isServerListed?(instanceUrl: string): boolean;
  /** Whether the organisation's policy (`AllowedSignInKinds`) allows a way of signing in. No policy: all are. */
  isSignInKindAllowed?(grant: GrantKind): boolean;
  /** False when the organisation's `AllowUserProfiles` policy is off: only its own profiles exist. */
  allowUserProfiles?(): boolean;
}
