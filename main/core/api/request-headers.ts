/**
 * Checks the headers and JSON body of a console request before anything is
 * sent, so mistakes come back as one plain sentence instead of a fetch error.
 */
import { jsonMistake, TokenTrayError } from '../errors';

/** Headers the runner never passes through: fetch sets them itself. */
const droppedHeaders = new Set([
  'host',
  'content-length',
  'connection',
  'transfer-encoding',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
]);

const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Validates user headers and returns the ones to send (Host and other
 * connection headers removed). A user `Authorization` header is allowed and
 * replaces the profile's token (useful to try another token); the runner then
 * does not refresh on a 401.
 */
export function checkUserHeaders(
  headers: ReadonlyArray<readonly [string, string]> | undefined,
): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [rawName, rawValue] of headers ?? []) {
    const name = rawName.trim();
    if (name === '' && rawValue.trim() === '') continue;
    if (!headerName.test(name)) {
      throw new TokenTrayError('invalid_input', 'error.header.bad_name', { params: { name: name.slice(0, 40) } });
    }
    if (/[\r\n\0]/.test(rawValue)) {
      throw new TokenTrayError('invalid_input', 'error.header.multiline', { params: { name } });
    }
    // HTTP header values are bytes; fetch refuses characters beyond Latin-1.
    if (/[^\t\x20-\x7e\x80-\xff]/.test(rawValue)) {
      throw new TokenTrayError('invalid_input', 'error.header.bad_chars', { params: { name } });
    }
    if (droppedHeaders.has(name.toLowerCase())) continue;
    out.push([name, rawValue.trim()]);
  }
  return out;
}

/** True when `headers` has `name` (case-insensitive). */
export function hasHeader(headers: ReadonlyArray<readonly [string, string]>, name: string): boolean {
  const lower = name.toLowerCase();
  return headers.some(([n]) => n.toLowerCase() === lower);
}

/**
 * Returns the body to send (undefined when empty) after checking it is JSON.
 * Throws `invalid_input` "The request body is not valid JSON: there is a mistake
 * at line 1, column 2.", or when a GET/HEAD request carries a body.
 */
export function checkJsonBody(method: string, body: string | undefined): string | undefined {
  if (body === undefined || body.trim() === '') return undefined;
  if (method === 'GET' || method === 'HEAD') {
    throw new TokenTrayError('invalid_input', 'error.body.not_allowed', { params: { method } });
  }
  const mistake = jsonMistake(body);
  if (mistake?.position === null) throw new TokenTrayError('invalid_input', 'error.body.not_json');
  if (mistake) {
    const { line, column } = mistake;
    throw new TokenTrayError('invalid_input', 'error.body.not_json_at', {
      params: { line, column },
      next: 'error.body.not_json.next',
    });
  }
  return body;
}
