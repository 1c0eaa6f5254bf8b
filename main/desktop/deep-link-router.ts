/**
 * Pure routing of `pmtokentray://` links, whichever way they arrive: macOS
 * `open-url`, the argv of a second launch (Windows, Linux) or the first
 * launch's argv. URLs are held in memory until the app is ready, never on disk.
 */
import { LINK_SCHEME, parseCallbackUrl, SETUP_FILE_EXTENSION } from '../core';

/** What a deep link asks for. */
export type DeepLinkRoute =
  | { kind: 'oauth-callback'; url: string }
  /** `pmtokentray://setup?…`: a setup link (read by core's setup parser). */
  | { kind: 'setup'; url: string }
  /** A `.pmtokentray` setup file double-clicked or dropped on the app (read by the same parser). */
  | { kind: 'setup-file'; path: string }
  | { kind: 'open' }
  | { kind: 'ignored'; reason: 'not-our-scheme' | 'malformed' | 'unknown-path' };

const schemePrefix = `${LINK_SCHEME}:`;

/** Strips the quotes a Windows shell or a desktop launcher may leave around an argument. */
function unquote(arg: string): string {
  const trimmed = arg.trim();
  const quoted = /^(["'])(.*)\1$/s.exec(trimmed);
  return quoted ? (quoted[2] ?? '').trim() : trimmed;
}

/** True when `text` starts with our scheme (any letter case, as URL schemes are). */
export function hasAppScheme(text: string): boolean {
  return unquote(text).slice(0, schemePrefix.length).toLowerCase() === schemePrefix;
}

/**
 * The `pmtokentray:` URLs in a command line, in order. The URL may sit
 * anywhere (Chromium appends or reorders switches on Windows); every other
 * argument (the executable, the app path, `--flags`) is ignored.
 */
export function extractCallbackUrls(argv: readonly string[]): string[] {
  return argv.filter((arg) => typeof arg === 'string' && hasAppScheme(arg)).map(unquote);
}

/** The `.pmtokentray` setup files in a command line (double-clicked on Windows and Linux), in order. */
export function extractSetupFiles(argv: readonly string[]): string[] {
  const suffix = `.${SETUP_FILE_EXTENSION}`;
  return argv
    .filter((arg) => typeof arg === 'string')
    .map(unquote)
    .filter((arg) => !arg.startsWith('-') && !hasAppScheme(arg) && arg.toLowerCase().endsWith(suffix));
}

/** Decides what a `pmtokentray:` URL is for. Never throws. */
export function routeDeepLink(raw: string): DeepLinkRoute {
  const text = unquote(raw);
  if (!hasAppScheme(text)) return { kind: 'ignored', reason: 'not-our-scheme' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'ignored', reason: 'malformed' };
  }
  // `pmtokentray://oauth/callback` parses as host "oauth" and path "/callback".
  const where = `${url.host}${url.pathname}`.replace(/\/+$/, '').toLowerCase();
  if (where === 'oauth/callback') {
    return parseCallbackUrl(text).kind === 'unknown'
      ? { kind: 'ignored', reason: 'malformed' }
      : { kind: 'oauth-callback', url: text };
  }
  if (where === 'setup') return { kind: 'setup', url: text };
  if (where === '' || where === 'open') return { kind: 'open' };
  return { kind: 'ignored', reason: 'unknown-path' };
}

/** Holds deep links until the app can act on them, then hands each over once. */
export interface DeepLinkQueue {
  /** Queues a URL, or delivers it at once when ready. Returns false when it was dropped. */
  push(url: string): boolean;
  /** Queues a setup file's path the same way. */
  pushFile(path: string): boolean;
  /** Marks the app ready and delivers what was held, in arrival order. */
  markReady(): void;
  /** URLs waiting (for tests and diagnostics). */
  readonly size: number;
}

/** Most links held before ready: a flood of launches must not grow memory without bound. */
export const maxQueuedLinks = 16;

/**
 * Builds a {@link DeepLinkQueue}. `deliver` gets each URL that routes somewhere
 * (not ignored); a URL seen twice in a row (macOS can report a launch URL both in
 * argv and in `open-url`) is delivered once.
 */
export function createDeepLinkQueue(
  deliver: (route: Exclude<DeepLinkRoute, { kind: 'ignored' }>) => void,
): DeepLinkQueue {
  const held: Array<Exclude<DeepLinkRoute, { kind: 'ignored' }>> = [];
  let ready = false;
  let last: string | null = null;

  const hold = (route: Exclude<DeepLinkRoute, { kind: 'ignored' }>): boolean => {
    if (ready) {
      deliver(route);
      return true;
    }
    if (held.length >= maxQueuedLinks) return false;
    held.push(route);
    return true;
  };

  return {
    pushFile(path) {
      // macOS reports a launch file both in argv and in open-file: once is enough.
      if (last === `file:${path}`) return false;
      last = `file:${path}`;
      return hold({ kind: 'setup-file', path });
    },
    push(url) {
      const route = routeDeepLink(url);
      if (route.kind === 'ignored') return false;
      const key = route.kind === 'oauth-callback' ? route.url : 'open';
      if (key === last && route.kind === 'oauth-callback') return false;
      last = key;
      return hold(route);
    },
    markReady() {
      ready = true;
      for (const route of held.splice(0)) deliver(route);
    },
    get size() {
      return held.length;
    },
  };
}
