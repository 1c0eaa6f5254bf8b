/**
 * Resolves what people type in the console (`users?page=2`, `/users`,
 * `/api/1.0/users`, or a full URL) to one URL on the profile's own origin, so
 * the token is never sent anywhere else.
 */
import { TokenTrayError } from '../errors';

/** The API prefix every ProcessMaker 4 endpoint lives under. */
export const apiPrefix = 'api/1.0/';

function baseOf(instanceUrl: string): URL {
  try {
    const base = new URL(instanceUrl);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    base.search = '';
    base.hash = '';
    return base;
  } catch (err) {
    throw new TokenTrayError('invalid_input', 'error.api.base_invalid', {
      cause: err,
    });
  }
}

/** True when `target` has the same origin (scheme, host, port) as `instanceUrl`. */
export function isSameOrigin(instanceUrl: string, target: URL | string): boolean {
  try {
    return new URL(target).origin === baseOf(instanceUrl).origin;
  } catch {
    return false;
  }
}

/**
 * Builds the request URL. A path is relative to `<instance>/api/1.0/`; a
 * leading `/` or `/api/1.0/` is accepted too, and a path that climbs out of the
 * API with `..` is refused. A full URL must be on the instance's origin (else
 * `forbidden_origin`). `query` pairs are appended.
 */
export function resolveApiUrl(
  instanceUrl: string,
  path: string,
  query?: ReadonlyArray<readonly [string, string]>,
): URL {
  const base = baseOf(instanceUrl);
  const trimmed = path.trim();
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    try {
      url = new URL(trimmed);
    } catch (err) {
      throw new TokenTrayError('invalid_input', 'error.api.url_invalid', { cause: err });
    }
  } else {
    let relative = trimmed.replace(/^\/+/, '');
    const basePath = base.pathname.replace(/^\/+/, '');
    if (basePath && relative.startsWith(basePath + apiPrefix)) relative = relative.slice(basePath.length);
    if (relative.startsWith(apiPrefix)) relative = relative.slice(apiPrefix.length);
    else if (relative === apiPrefix.slice(0, -1)) relative = '';
    // The base's path always ends with '/', so the API's own path is that plus the prefix.
    const apiPath = base.pathname + apiPrefix;
    url = new URL(apiPrefix + relative, base);
    // `..` (typed, percent-encoded or with backslashes) must not climb out of the API: the token
    // would reach /oauth/token or another app on the server. A full URL is taken as typed.
    if (!url.pathname.startsWith(apiPath) && url.pathname !== apiPath.slice(0, -1)) {
      throw new TokenTrayError('invalid_input', 'error.api.outside');
    }
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TokenTrayError('forbidden_origin');
  }
  if (url.origin !== base.origin) throw new TokenTrayError('forbidden_origin');
  url.hash = '';
  for (const [key, value] of query ?? []) {
    if (key !== '') url.searchParams.append(key, value);
  }
  return url;
}
