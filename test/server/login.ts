import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './context';
import { readBody, redirect, sendHtml, sendLaravelError, str } from './http-utils';
import { homePage, loginPage } from './pages';
import { csrfValid, getSession, loginSession } from './sessions';

const BAD_LOGIN = 'These credentials do not match our records.';

/** Only same-origin targets are honoured for `?redirect=` (no open redirect). */
function safeTarget(ctx: ServerContext, target: string | null): string | null {
  if (target === null || target === '') return null;
  if (target.startsWith('/') && !target.startsWith('//')) return target;
  return target.startsWith(ctx.baseUrl + '/') ? target.slice(ctx.baseUrl.length) : null;
}

/** GET /login: the form, or straight on when already signed in. `?redirect=` sets where to return. */
export function getLogin(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const session = getSession(ctx, req, res);
  const target = safeTarget(ctx, url.searchParams.get('redirect'));
  if (target !== null) session.intended = target;
  if (session.userId !== null && ctx.store.user(session.userId)) {
    const next = session.intended ?? '/';
    session.intended = null;
    redirect(res, next);
    return;
  }
  const error = session.flashError;
  session.flashError = null;
  sendHtml(res, 200, loginPage(session.csrf, error));
}

/** POST /login: checks username and password, then returns to the intended page. */
export async function postLogin(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  const session = getSession(ctx, req, res);
  if (!csrfValid(session, body)) {
    sendLaravelError(req, res, 419);
    return;
  }
  const username = str(body, 'username') ?? '';
  const user = ctx.store.users.find((u) => u.username === username);
  if (user === undefined || user.password !== (str(body, 'password') ?? '') || user.status === 'INACTIVE') {
    session.flashError = BAD_LOGIN;
    redirect(res, '/login');
    return;
  }
  loginSession(ctx, res, session, user.id);
  const next = session.intended ?? '/';
  session.intended = null;
  redirect(res, next);
}

/** GET|POST /logout. */
export function logout(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): void {
  const session = getSession(ctx, req, res);
  session.userId = null;
  session.pending = null;
  redirect(res, '/login');
}

/** GET /: home for signed-in users, else the login page. */
export function home(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): void {
  const session = getSession(ctx, req, res);
  const user = ctx.store.user(session.userId);
  if (user === undefined) {
    redirect(res, '/login');
    return;
  }
  sendHtml(res, 200, homePage(`${user.firstname} ${user.lastname}`));
}
