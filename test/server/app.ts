import type { IncomingMessage, ServerResponse } from 'node:http';
import openapi from '../fixtures/processmaker-openapi.json';
import { handleApi } from './api/router';
import { getAuthorize, postAuthorize } from './authorize';
import type { ServerContext } from './context';
import type { Faults } from './faults';
import { sendHtml, sendJson, sendLaravelError } from './http-utils';
import { getLogin, home, logout, postLogin } from './login';
import { tokenEndpoint, RateLimiter } from './token-endpoint';
import type { PmStats } from './types';

const OPENAPI_TEXT = JSON.stringify(openapi);

const SWAGGER_PAGE = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>ProcessMaker API Documentation</title></head>
<body><div id="swagger-ui" data-url="/docs/api-docs.json">The API description is at <a href="/docs/api-docs.json">/docs/api-docs.json</a>.</div></body></html>`;

/** Routes one request (after faults were applied). */
async function route(
  ctx: ServerContext,
  faults: Faults,
  limiter: RateLimiter,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', ctx.baseUrl);
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (path === '/api/1.0' || path.startsWith('/api/1.0/')) return handleApi(ctx, req, res, url);
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET /':
      return home(ctx, req, res);
    case 'GET /login':
      return getLogin(ctx, req, res, url);
    case 'POST /login':
      return postLogin(ctx, req, res);
    case 'GET /logout':
    case 'POST /logout':
      return logout(ctx, req, res);
    case 'GET /oauth/authorize':
      return getAuthorize(ctx, req, res, url);
    case 'POST /oauth/authorize':
    case 'DELETE /oauth/authorize':
      return postAuthorize(ctx, req, res, false);
    case 'POST /oauth/authorize/deny':
      return postAuthorize(ctx, req, res, true);
    case 'POST /oauth/token':
      return tokenEndpoint(ctx, faults, limiter, req, res);
    case 'GET /docs/api-docs.json':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(OPENAPI_TEXT) });
      res.end(OPENAPI_TEXT);
      return;
    case 'GET /api/documentation':
      return sendHtml(res, 200, SWAGGER_PAGE);
    default:
      if (path === '/oauth/token') return sendLaravelError(req, res, 405, { allow: 'POST' });
      return sendLaravelError(req, res, 404);
  }
}

/** Builds the node:http request listener: counters, latency, injected failures, routing, 500 on bugs. */
export function createHandler(
  ctx: ServerContext,
  faults: Faults,
  stats: PmStats,
): (req: IncomingMessage, res: ServerResponse) => void {
  const limiter = new RateLimiter();
  return (req, res) => {
    stats.requests += 1;
    if (req.method === 'POST' && (req.url ?? '').split('?')[0] === '/oauth/token') stats.tokenRequests += 1;
    const run = async (): Promise<void> => {
      if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
      const failure = faults.takeFailure();
      if (failure !== null) {
        req.resume();
        const isApi = (req.url ?? '').startsWith('/api/');
        if (isApi) sendJson(res, failure, { message: failure === 500 ? 'Server Error' : 'Service Unavailable' });
        else sendLaravelError(req, res, failure);
        return;
      }
      await route(ctx, faults, limiter, req, res);
    };
    run().catch(() => {
      if (!res.headersSent) sendLaravelError(req, res, 500);
      else res.destroy();
    });
  };
}
