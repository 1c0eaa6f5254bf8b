import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './context';
import { cookies, str, type Body } from './http-utils';
import type { Session } from './store';

/** Laravel's session cookie name in ProcessMaker. */
export const SESSION_COOKIE = 'processmaker_session';

/** The request's session, or a new guest session whose cookie is set on the response. */
export function getSession(ctx: ServerContext, req: IncomingMessage, res: ServerResponse): Session {
  const id = cookies(req)[SESSION_COOKIE];
  const existing = id === undefined ? undefined : ctx.store.sessions.get(id);
  if (existing) return existing;
  const session = ctx.store.newSession();
  setSessionCookie(res, session);
  return session;
}

/** Writes the session cookie. */
export function setSessionCookie(res: ServerResponse, session: Session): void {
  res.setHeader('set-cookie', `${SESSION_COOKIE}=${session.id}; path=/; httponly; samesite=lax`);
}

/** Logs a user in, giving the session a new id (Laravel regenerates it to stop fixation). */
export function loginSession(ctx: ServerContext, res: ServerResponse, session: Session, userId: number): void {
  ctx.store.sessions.delete(session.id);
  session.id = randomBytes(20).toString('hex');
  session.userId = userId;
  session.csrf = randomBytes(20).toString('hex');
  ctx.store.sessions.set(session.id, session);
  setSessionCookie(res, session);
}

/** Laravel's VerifyCsrfToken: the form's `_token` must match the session's. */
export function csrfValid(session: Session, body: Body): boolean {
  return str(body, '_token') === session.csrf;
}
