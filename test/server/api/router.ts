import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from '../context';
import { sendJson } from '../http-utils';
import { notFound, type ApiCall } from './api-context';
import { authenticate } from './bearer';
import {
  groupUsers,
  listGroups,
  listProcesses,
  listRequests,
  listStartProcesses,
  listTasks,
  showGroup,
  showProcess,
  showRequest,
  showTask,
  triggerStartEvent,
} from './resources';
import { createToken, deleteToken, listTokens, showToken } from './tokens';
import { listUsers, showUser, userConfiguration } from './users';

type Handler = (call: ApiCall) => void | Promise<void>;

/** Routes under /api/1.0, first match wins (so users/configuration precedes users/{id}). */
const ROUTES: Array<[string, RegExp, Handler]> = [
  ['GET', /^users$/, listUsers],
  ['GET', /^users\/configuration$/, userConfiguration],
  ['GET', /^users\/([^/]+)$/, showUser],
  ['GET', /^users\/([^/]+)\/tokens$/, listTokens],
  ['POST', /^users\/([^/]+)\/tokens$/, createToken],
  ['GET', /^users\/([^/]+)\/tokens\/([^/]+)$/, showToken],
  ['DELETE', /^users\/([^/]+)\/tokens\/([^/]+)$/, deleteToken],
  ['GET', /^groups$/, listGroups],
  ['GET', /^groups\/([^/]+)$/, showGroup],
  ['GET', /^groups\/([^/]+)\/users$/, groupUsers],
  ['GET', /^processes$/, listProcesses],
  ['GET', /^processes\/([^/]+)$/, showProcess],
  ['GET', /^start_processes$/, listStartProcesses],
  ['POST', /^process_events\/([^/]+)$/, triggerStartEvent],
  ['GET', /^requests$/, listRequests],
  ['GET', /^requests\/([^/]+)$/, showRequest],
  ['GET', /^tasks$/, listTasks],
  ['GET', /^tasks\/([^/]+)$/, showTask],
];

/**
 * Dispatches /api/1.0/*: unknown path 404, wrong method 405, then Passport's auth guard (401),
 * then the handler. ProcessMaker forces JSON on the api guard, so every answer is JSON.
 */
export async function handleApi(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const path = url.pathname.replace(/^\/api\/1\.0\/?/, '').replace(/\/$/, '');
  const matching = ROUTES.filter(([, re]) => re.test(path));
  if (matching.length === 0) return notFound(res);
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
  const route = matching.find(([m]) => m === method);
  if (route === undefined) {
    const allowed = [...new Set(matching.map(([m]) => m))].join(', ');
    sendJson(
      res,
      405,
      { message: `The ${method} method is not supported for route api/1.0/${path}. Supported methods: ${allowed}.` },
      { allow: allowed },
    );
    return;
  }
  const user = authenticate(ctx, req);
  if (user === null) return sendJson(res, 401, { error: 'Unauthenticated.' });
  const params = (route[1].exec(path) ?? []).slice(1).map((p) => decodeURIComponent(p));
  await route[2]({ ctx, req, res, url, user, params });
}
