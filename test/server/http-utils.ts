import type { IncomingMessage, ServerResponse } from 'node:http';

/** A parsed request body: form fields or a JSON object, values kept as sent. */
export type Body = Record<string, unknown>;

/** Reads the whole request body (capped at 1 MiB). */
export async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > 1_048_576) throw new Error('body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses form-encoded or JSON bodies, as Laravel's request input does. Malformed JSON yields {}. */
export async function readBody(req: IncomingMessage): Promise<Body> {
  const raw = await readRaw(req);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (raw.trim() === '') return {};
  if (type.includes('json')) {
    try {
      const parsed: unknown = JSON.parse(raw);
      return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Body) : {};
    } catch {
      return {};
    }
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

/** A body or query value as a string; numbers are accepted (JSON bodies may send client_id: 1). */
export function str(body: Body, key: string): string | null {
  const v = body[key];
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
}

/** Whether the client asked for JSON (Laravel's expectsJson / wantsJson). */
export function wantsJson(req: IncomingMessage): boolean {
  const accept = req.headers.accept ?? '';
  return /\/json|\+json/.test(accept) || req.headers['x-requested-with'] === 'XMLHttpRequest';
}

/** Sends a JSON response. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Sends an HTML page. */
export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=UTF-8',
    'content-length': Buffer.byteLength(html),
    ...headers,
  });
  res.end(html);
}

/** Sends a 302 redirect. */
export function redirect(res: ServerResponse, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(302, { location, 'content-type': 'text/html; charset=UTF-8', ...headers });
  res.end(
    `<!DOCTYPE html><html><head><meta http-equiv="refresh" content="0;url='${escapeHtml(location)}'" /><title>Redirecting to ${escapeHtml(location)}</title></head><body>Redirecting to <a href="${escapeHtml(location)}">${escapeHtml(location)}</a>.</body></html>`,
  );
}

/** Escapes text for HTML. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Parses the Cookie header. */
export function cookies(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out[part.slice(0, eq).trim()] = decodeURIComponent(part.slice(eq + 1).trim());
  }
  return out;
}

/** PHP's http_build_query: form encoding with '+' for spaces, null values skipped. */
export function buildQuery(params: Record<string, string | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined) q.append(k, v);
  return q.toString();
}

/** Laravel's generic error bodies for a status, as JSON or HTML depending on what the client accepts. */
export function sendLaravelError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string> = {},
): void {
  const titles: Record<number, string> = {
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    419: 'Page Expired',
    429: 'Too Many Requests',
    500: 'Server Error',
    503: 'Service Unavailable',
  };
  const title = titles[status] ?? 'Error';
  const message = status === 429 ? 'Too Many Attempts.' : title;
  if (wantsJson(req)) sendJson(res, status, { message }, headers);
  else
    sendHtml(
      res,
      status,
      `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><div class="code">${status}</div><div class="message">${message}</div></body></html>`,
      headers,
    );
}
