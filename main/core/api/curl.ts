/**
 * Writes a console request as a curl command people can paste into a POSIX
 * shell. Without a token the command reads `$PM_TOKEN`, so it can be shared.
 */
import type { ApiRequest } from '../model';
import { resolveApiUrl } from './api-url';
import { checkUserHeaders, hasHeader } from './request-headers';

/** Quotes `value` for a POSIX shell (single quotes; embedded `'` becomes `'\''`). */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_\-./:=@%+,]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * Returns a multi-line curl command for `request` on `instanceUrl`. `token`
 * null writes `"Authorization: Bearer $PM_TOKEN"` (expanded by the shell).
 * Throws `forbidden_origin` for a URL on another origin, like the runner.
 */
export function toCurl(instanceUrl: string, request: ApiRequest, token: string | null): string {
  const method = request.method.toUpperCase();
  const url = resolveApiUrl(instanceUrl, request.path, request.query);
  const userHeaders = checkUserHeaders(request.headers);
  const parts: string[] = ['curl'];
  if (method === 'HEAD') parts.push('--head');
  else if (method !== 'GET') parts.push(`-X ${method}`);
  parts.push(shellQuote(url.href));
  if (!hasHeader(userHeaders, 'authorization')) {
    parts.push(
      token === null ? '-H "Authorization: Bearer $PM_TOKEN"' : `-H ${shellQuote(`Authorization: Bearer ${token}`)}`,
    );
  }
  if (!hasHeader(userHeaders, 'accept')) parts.push(`-H ${shellQuote('Accept: application/json')}`);
  const body =
    request.body !== undefined && request.body.trim() !== '' && method !== 'GET' && method !== 'HEAD'
      ? request.body
      : undefined;
  if (body !== undefined && !hasHeader(userHeaders, 'content-type'))
    parts.push(`-H ${shellQuote('Content-Type: application/json')}`);
  for (const [name, value] of userHeaders) parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  if (body !== undefined) parts.push(`--data-raw ${shellQuote(body)}`);
  return parts.join(' \\\n  ');
}
