/**
 * Endpoint suggestions for the console, from the instance's own OpenAPI
 * document (`GET /docs/api-docs.json`, public on stock ProcessMaker). Paths are
 * returned relative to `/api/1.0`, e.g. `/users/{user_id}`.
 */
import type { ApiEndpoint } from '../model';
import { TokenTrayError } from '../errors';
import { errorForStatus, guardedFetch, readJsonBody } from './http';
import type { FetchLike } from '../ports';

const methods = ['get', 'post', 'put', 'patch', 'delete', 'head'] as const;
const apiBase = '/api/1.0';

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** The path of `servers[0].url` (`/api/1.0` on ProcessMaker), or '' when absent. */
function serverPath(doc: Record<string, unknown>): string {
  const first = Array.isArray(doc.servers) ? asRecord(doc.servers[0]) : null;
  const url = typeof first?.url === 'string' ? first.url : '';
  if (url === '') return '';
  try {
    return new URL(url, 'http://placeholder.invalid').pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}

/** Reads the endpoints of an OpenAPI 3 (or Swagger 2) document: sorted by path then method, de-duplicated. */
export function parseOpenApiEndpoints(doc: unknown): ApiEndpoint[] {
  const root = asRecord(doc);
  const paths = asRecord(root?.paths);
  if (!root || !paths) return [];
  const prefix = serverPath(root) || (typeof root.basePath === 'string' ? root.basePath.replace(/\/+$/, '') : '');
  const seen = new Map<string, ApiEndpoint>();
  for (const [rawPath, item] of Object.entries(paths)) {
    const operations = asRecord(item);
    if (!operations || !rawPath.startsWith('/')) continue;
    let path = `${prefix}${rawPath}`;
    if (path.startsWith(`${apiBase}/`)) path = path.slice(apiBase.length);
    for (const method of methods) {
      const operation = asRecord(operations[method]);
      if (!operation) continue;
      const key = `${method} ${path}`;
      if (seen.has(key)) continue;
      const summary = typeof operation.summary === 'string' ? operation.summary.trim() : '';
      seen.set(key, { method: method.toUpperCase(), path, ...(summary ? { summary } : {}) });
    }
  }
  const order = (m: string): number => methods.indexOf(m.toLowerCase() as (typeof methods)[number]);
  return [...seen.values()].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : order(a.method) - order(b.method),
  );
}

/**
 * Downloads and parses `<instance>/docs/api-docs.json`. Throws TokenTrayError
 * (`not_processmaker` on 404, `unexpected_response` for non-JSON, transport
 * codes); callers that only want suggestions can treat any error as "none".
 */
export async function fetchApiEndpoints(fetch: FetchLike, instanceUrl: string): Promise<ApiEndpoint[]> {
  const url = new URL('docs/api-docs.json', instanceUrl.endsWith('/') ? instanceUrl : `${instanceUrl}/`);
  const response = await guardedFetch(fetch)(url.href, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw errorForStatus(response.status);
  }
  const doc = await readJsonBody(response, { maxBytes: 20 * 1024 * 1024 });
  if (!asRecord(asRecord(doc)?.paths)) throw new TokenTrayError('unexpected_response');
  return parseOpenApiEndpoints(doc);
}
