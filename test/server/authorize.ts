import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './context';
import { buildQuery, readBody, redirect, sendHtml, sendJson, sendLaravelError, str, type Body } from './http-utils';
import { PKCE_METHODS, PKCE_PATTERN } from './grants/pkce';
import {
  accessDenied,
  invalidClient,
  invalidRequest,
  OAuthError,
  sendOAuthError,
  unsupportedGrantType,
} from './oauth-errors';
import { consentPage } from './pages';
import { redirectUriAllowed, registeredRedirects } from './redirect-uri';
import { validateScopes } from './scopes';
import { csrfValid, getSession } from './sessions';
import { opaqueToken, type PendingAuthorization, type Session } from './store';

const CODE_TTL_MS = 10 * 60 * 1000;

/** league's AuthCodeGrant::validateAuthorizationRequest, in league's order. */
function validateAuthorizationRequest(ctx: ServerContext, q: URLSearchParams): Omit<PendingAuthorization, 'authToken'> {
  const clientIdParam = q.get('client_id');
  if (q.get('response_type') !== 'code' || clientIdParam === null) throw unsupportedGrantType();
  const client = ctx.store.client(clientIdParam);
  if (client === undefined) throw invalidClient();
  const redirectParam = q.get('redirect_uri');
  const registered = registeredRedirects(client.redirect);
  if (redirectParam !== null) {
    if (!redirectUriAllowed(redirectParam, client.redirect)) throw invalidClient();
  } else if (registered.length !== 1) {
    throw invalidClient();
  }
  const finalRedirect = redirectParam ?? (registered[0] as string);
  const scopes = validateScopes(q.get('scope'), finalRedirect);
  const challenge = q.get('code_challenge');
  let method: string | null = null;
  if (challenge !== null) {
    method = q.get('code_challenge_method') ?? 'plain';
    if (!(PKCE_METHODS as readonly string[]).includes(method)) {
      throw invalidRequest(
        'code_challenge_method',
        `Code challenge method must be one of ${PKCE_METHODS.map((m) => `\`${m}\``).join(', ')}`,
      );
    }
    if (!PKCE_PATTERN.test(challenge))
      throw invalidRequest('code_challenge', 'Code challenge must follow the specifications of RFC-7636.');
  } else if (client.secret === null) {
    throw invalidRequest('code_challenge', 'Code challenge must be provided for public clients');
  }
  return {
    clientId: client.id,
    redirectUri: redirectParam ?? '',
    scopes,
    state: q.get('state'),
    codeChallenge: challenge,
    codeChallengeMethod: method,
  };
}

/** Where the browser goes back to: the request's redirect_uri, else the client's only one. */
function finalRedirect(ctx: ServerContext, p: Omit<PendingAuthorization, 'authToken'>): string {
  if (p.redirectUri !== '') return p.redirectUri;
  return registeredRedirects(ctx.store.client(p.clientId)?.redirect ?? '')[0] ?? '';
}

/** league's makeRedirectUri. */
function withParams(uri: string, params: Record<string, string | null>): string {
  return uri + (uri.includes('?') ? '&' : '?') + buildQuery(params);
}

/** Issues the code and redirects back (league's completeAuthorizationRequest, approved). */
function approve(
  ctx: ServerContext,
  res: ServerResponse,
  userId: number,
  p: Omit<PendingAuthorization, 'authToken'>,
): void {
  const code = opaqueToken(200);
  ctx.store.authCodes.set(code, {
    id: randomBytes(40).toString('hex'),
    clientId: p.clientId,
    userId,
    scopes: p.scopes,
    redirectUri: p.redirectUri,
    codeChallenge: p.codeChallenge,
    codeChallengeMethod: p.codeChallengeMethod,
    revoked: false,
    expiresAt: ctx.now() + CODE_TTL_MS,
  });
  redirect(res, withParams(finalRedirect(ctx, p), { code, state: p.state }));
}

/** Passport's hasValidToken: an unrevoked, unexpired token for this user and client with the same scopes. */
function hasValidToken(ctx: ServerContext, userId: number, clientId: number, scopes: string[]): boolean {
  const now = ctx.now();
  for (const t of ctx.store.accessTokens.values()) {
    if (
      t.userId === userId &&
      t.clientId === clientId &&
      !t.revoked &&
      t.expiresAt > now &&
      t.scopes.join(' ') === scopes.join(' ')
    )
      return true;
  }
  return false;
}

/** GET /oauth/authorize: guests go to /login; then validation, then the consent page (or silent approval as Passport does). */
export function getAuthorize(ctx: ServerContext, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const session = getSession(ctx, req, res);
  if (ctx.store.user(session.userId) === undefined) {
    session.intended = url.pathname + url.search;
    redirect(res, '/login');
    return;
  }
  let request: Omit<PendingAuthorization, 'authToken'>;
  try {
    request = validateAuthorizationRequest(ctx, url.searchParams);
  } catch (err) {
    if (err instanceof OAuthError) return sendOAuthError(req, res, err);
    throw err;
  }
  const userId = session.userId as number;
  const maySkip = ctx.config.skipConsentWhenTokenExists !== false && url.searchParams.get('prompt') !== 'consent';
  if (maySkip && hasValidToken(ctx, userId, request.clientId, request.scopes)) {
    approve(ctx, res, userId, request);
    return;
  }
  const pending: PendingAuthorization = { ...request, authToken: randomBytes(20).toString('hex') };
  session.pending = pending;
  const client = ctx.store.client(pending.clientId);
  sendHtml(
    res,
    200,
    consentPage({
      csrf: session.csrf,
      clientName: client?.name ?? '',
      clientId: pending.clientId,
      state: pending.state,
      authToken: pending.authToken,
      scopes: pending.scopes,
    }),
  );
}

/** Common checks of the approve and deny posts; returns the pending request or null after answering. */
function takePending(
  req: IncomingMessage,
  res: ServerResponse,
  session: Session,
  body: Body,
): PendingAuthorization | null {
  if (!csrfValid(session, body)) {
    sendLaravelError(req, res, 419);
    return null;
  }
  const pending = session.pending;
  session.pending = null;
  if (pending === null) {
    sendJson(res, 400, { message: 'Authorization request was not present in the session.' });
    return null;
  }
  const authToken = str(body, 'auth_token');
  if (authToken !== null && authToken !== pending.authToken) {
    sendJson(res, 403, {
      message: 'The provided auth token for the request is different from the session auth token.',
    });
    return null;
  }
  return pending;
}

/** POST /oauth/authorize (approve), or with `_method=DELETE` / `deny` (cancel); DELETE /oauth/authorize (cancel). */
export async function postAuthorize(
  ctx: ServerContext,
  req: IncomingMessage,
  res: ServerResponse,
  forceDeny: boolean,
): Promise<void> {
  const body = await readBody(req);
  const session = getSession(ctx, req, res);
  if (ctx.store.user(session.userId) === undefined) {
    redirect(res, '/login');
    return;
  }
  const deny =
    forceDeny || req.method === 'DELETE' || str(body, '_method')?.toUpperCase() === 'DELETE' || body.deny !== undefined;
  const pending = takePending(req, res, session, body);
  if (pending === null) return;
  if (deny) {
    sendOAuthError(req, res, accessDenied(withParams(finalRedirect(ctx, pending), { state: pending.state })));
    return;
  }
  approve(ctx, res, session.userId as number, pending);
}
