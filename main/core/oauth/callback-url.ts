/**
 * A pure parser for the URL the browser returns to after sign-in: either the
 * app's scheme (`pmtokentray://oauth/callback?...`) or the loopback listener
 * (`http://127.0.0.1:<port>/oauth/callback?...`). Anything else is `unknown`.
 */

/** The URL scheme the OS hands to Token Tray (sign-in callbacks, and links that open the app), without the colon. */
export const LINK_SCHEME = 'pmtokentray';

/** The app's own redirect URI, registered on the Auth Client. */
export const APP_REDIRECT_URI = `${LINK_SCHEME}://oauth/callback`;

/** The loopback redirect URI as registered (ProcessMaker ignores the port on 127.0.0.1). */
export const LOOPBACK_REDIRECT_BASE = 'http://127.0.0.1/oauth/callback';

/** The callback path on the loopback listener. */
export const CALLBACK_PATH = '/oauth/callback';

/** What a callback URL says. */
export type CallbackResult =
  | { kind: 'code'; code: string; state: string }
  | { kind: 'error'; error: string; description?: string; state?: string }
  | { kind: 'unknown' };

function isCallbackLocation(url: URL): boolean {
  if (url.protocol === `${LINK_SCHEME}:`) {
    // pmtokentray://oauth/callback parses as host "oauth", path "/callback".
    const where = `${url.host}${url.pathname}`.replace(/\/+$/, '');
    return where === 'oauth/callback';
  }
  if (url.protocol === 'http:') {
    const host = url.hostname;
    const loopback = host === '127.0.0.1' || host === '[::1]' || host === 'localhost';
    return loopback && url.pathname.replace(/\/+$/, '') === CALLBACK_PATH;
  }
  return false;
}

/** Parses a callback URL into code, error or unknown. Never throws. */
export function parseCallbackUrl(raw: string): CallbackResult {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { kind: 'unknown' };
  }
  if (!isCallbackLocation(url)) return { kind: 'unknown' };
  const params = url.searchParams;
  const state = params.get('state') ?? undefined;
  const error = params.get('error');
  if (error) {
    const description = params.get('error_description') ?? params.get('message') ?? undefined;
    const out: CallbackResult = { kind: 'error', error };
    if (description) out.description = description;
    if (state) out.state = state;
    return out;
  }
  const code = params.get('code');
  if (code && state) return { kind: 'code', code, state };
  if (state) return { kind: 'error', error: 'missing_code', state };
  // A callback without state can never match a sign-in we started.
  if (code) return { kind: 'error', error: 'missing_state' };
  return { kind: 'unknown' };
}
