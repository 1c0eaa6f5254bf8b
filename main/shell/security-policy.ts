/**
 * The window's security rules as pure functions and constants (Electron's
 * security checklist): web preferences, the CSP, which IPC senders are
 * trusted, and which navigations and links are allowed. No Electron import
 * at run time, so all of it is unit-tested under Node.
 */
import type { WebPreferences } from 'electron';
import { isWebUrl } from '../ipc/web-url';

/** The renderer is served from this privileged custom scheme (see app-protocol.ts). */
export const WINDOW_SCHEME = 'app';
/** Host of the renderer's origin. */
export const APP_HOST = 'token-tray';
/** Origin every renderer page has: `app://token-tray`. */
export const APP_ORIGIN = `${WINDOW_SCHEME}://${APP_HOST}`;
/** Address of the window's page. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/** The strict CSP, sent as a header for every response (index.html also carries it as a meta tag). */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The web preferences of every window: isolated, sandboxed, no Node. */
export function windowSecurityOptions(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Response headers with our CSP set (replacing any other CSP header, whatever its case). */
export function withCspHeader(headers: Record<string, string[] | string> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [contentSecurityPolicy];
  return out;
}

/** True when `url` is a page of our renderer (`app://token-tray/...`). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${WINDOW_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** Facts about an IPC message's sender, as the shell reads them from the event. */
export interface SenderFacts {
  /** `event.sender.id`. */
  webContentsId: number;
  /** The sending frame's URL; null when the frame is gone. */
  frameUrl: string | null;
  /** True when the sending frame is the page's main frame (not an iframe). */
  isMainFrame: boolean;
}

/**
 * Only the app's own window, its main frame, showing our renderer may call
 * (as VS Code and GitHub Desktop check). `windowWebContentsId` is null when no
 * window exists.
 */
export function isTrustedSender(sender: SenderFacts, windowWebContentsId: number | null): boolean {
  if (windowWebContentsId === null || sender.webContentsId !== windowWebContentsId) return false;
  if (!sender.isMainFrame || sender.frameUrl === null) return false;
  return isAppUrl(sender.frameUrl);
}

/** What to do with a link the page tries to open in a new window. */
export type OpenDecision = { action: 'deny'; openExternally: string | null };

/** `window.open` and `target=_blank` are always denied; http(s) links go to the system browser. */
export function decideWindowOpen(url: string): OpenDecision {
  return { action: 'deny', openExternally: isWebUrl(url) ? url : null };
}

/** The window never navigates away from its page; in-page reloads of our own index are the one exception. */
export function isAllowedNavigation(url: string): boolean {
  return url === APP_INDEX_URL || url.startsWith(`${APP_INDEX_URL}#`);
}
