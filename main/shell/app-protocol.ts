/**
 * Serves the built renderer from `app://token-tray/` (a privileged standard
 * scheme, so relative URLs, module scripts and a real origin work), and puts
 * the strict CSP on every response of the window's session.
 */
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { contentTypeFor, resolveAppAsset } from './app-asset-path';
import { WINDOW_SCHEME, contentSecurityPolicy, withCspHeader } from './security-policy';

/** Must run before `ready` (Electron allows it once). */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: WINDOW_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Answers `app://token-tray/...` from `rendererDir`; anything else is 404. */
export function serveRenderer(session: Session, rendererDir: string): void {
  session.protocol.handle(WINDOW_SCHEME, async (request) => {
    const file = resolveAppAsset(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': contentTypeFor(file),
          'Content-Security-Policy': contentSecurityPolicy,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
  // The window needs no camera, notifications-from-page, geolocation...: refuse every request.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
