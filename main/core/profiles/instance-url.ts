/**
 * Turns an address the way people type it (`acme.processmaker.net`,
 * `https://acme.processmaker.net/`, a browser URL ending in `/login` or
 * `/requests/12`) into the instance's base URL: scheme, host and port, plus
 * any sub-path ProcessMaker is installed under, without a trailing slash.
 */
import { TokenTrayError, type ErrorSentenceKey } from '../errors';

/** Paths of ProcessMaker pages people copy from the browser; everything from them on is dropped. */
const APP_PATH_STARTS = [
  'login',
  'logout',
  'password',
  'requests',
  'tasks',
  'processes',
  'process-browser',
  'designer',
  'modeler',
  'admin',
  'profile',
  'about',
  'notifications',
  'inbox',
  'cases',
  'home',
  'api',
  'oauth',
  'docs',
  'webentry',
  'screens',
  'scripts',
  'users',
  'groups',
];

/** Options for {@link normaliseInstanceUrl}. */
export interface NormaliseOptions {
  /** Accept plain http for a host that is not this computer (the user confirmed). */
  allowInsecure?: boolean;
}

/**
 * True for addresses that never leave this computer: `localhost`, `127.0.0.0/8` and `[::1]`.
 * Not `*.localhost`: those names are resolved through DNS here, so they are treated as any other host.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return v4 !== null && v4.slice(1).every((part) => Number(part) <= 255);
}

/**
 * Every sentence a typed address can be refused with. The window's language tests show each one on
 * the first screen in every language, so a sentence added here without a test fails the type check.
 */
export const ADDRESS_ERRORS = [
  'error.address.empty',
  'error.address.spaces',
  'error.address.scheme',
  'error.address.not_web',
  'error.address.credentials',
  'error.address.email',
  'error.address.not_server',
  'error.address.not_full',
] as const satisfies readonly ErrorSentenceKey[];

function invalid(key: (typeof ADDRESS_ERRORS)[number]): TokenTrayError {
  return new TokenTrayError('invalid_input', key, { next: 'error.address.next' });
}

/**
 * Normalises a typed instance address. Throws `invalid_input` for nonsense and
 * `insecure_url` for plain http to another computer unless `allowInsecure`.
 */
export function normaliseInstanceUrl(input: string, options: NormaliseOptions = {}): string {
  const typed = input.trim();
  if (typed === '') throw invalid('error.address.empty');
  if (/\s/.test(typed)) throw invalid('error.address.spaces');

  const schemeMatch = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(typed);
  let candidate = typed;
  if (schemeMatch) {
    const scheme = schemeMatch[1]!.toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') throw invalid('error.address.scheme');
  } else if (/^[a-zA-Z][a-zA-Z0-9+.-]*:(?!\d)/.test(typed) && !/^[^/]*:\d+/.test(typed)) {
    throw invalid('error.address.scheme');
  } else {
    candidate = `https://${typed.replace(/^\/+/, '')}`;
  }

  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    throw invalid('error.address.not_web');
  }
  if (url.username || url.password) {
    // "jane@acme.com" is someone's e-mail address, not a sign-in put in front of a server's name.
    const email = !schemeMatch && !url.password && /^[^@/?#:]+@[^@/?#:]+\.[^@/?#:]+$/.test(typed);
    throw invalid(email ? 'error.address.email' : 'error.address.credentials');
  }
  // `acme.processmaker.net.` (a fully qualified name) is the same server as `acme.processmaker.net`.
  if (url.hostname.endsWith('.') && !url.hostname.startsWith('[')) url.hostname = url.hostname.replace(/\.+$/, '');
  const host = url.hostname;
  if (host === '') throw invalid('error.address.not_web');
  const local = isLoopbackHost(host);
  const isIp = /^\d+(\.\d+){3}$/.test(host) || host.startsWith('[');
  if (!local && !isIp && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(host) && !/^[a-z0-9-]+$/i.test(host)) {
    throw invalid('error.address.not_server');
  }
  if (!local && !isIp && !host.includes('.') && !schemeMatch) {
    throw invalid('error.address.not_full');
  }

  if (url.protocol === 'http:' && !local && !options.allowInsecure) {
    throw new TokenTrayError('insecure_url');
  }

  const segments = url.pathname.split('/').filter((s) => s !== '');
  const cut = segments.findIndex((s) => APP_PATH_STARTS.includes(s.toLowerCase()) || s.includes('.') || s === '#');
  const kept = cut === -1 ? segments : segments.slice(0, cut);
  const path = kept.length > 0 ? `/${kept.join('/')}` : '';
  return `${url.protocol}//${url.host}${path}`;
}

/** The instance's origin (scheme, host, port), for same-origin checks. */
export function instanceOrigin(instanceUrl: string): string {
  return new URL(instanceUrl).origin;
}
