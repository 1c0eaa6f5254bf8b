import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServerContext } from './context';
import type { Faults } from './faults';
import { authorizationCodeGrant } from './grants/authorization-code';
import { clientCredentialsGrant } from './grants/client-credentials';
import type { TokenResponseBody } from './grants/issue';
import { passwordGrant } from './grants/password';
import { refreshTokenGrant } from './grants/refresh-token';
import { readBody, sendJson, sendLaravelError, str, type Body } from './http-utils';
import { OAuthError, sendOAuthError, unsupportedGrantType } from './oauth-errors';

type Grant = (ctx: ServerContext, req: IncomingMessage, body: Body) => TokenResponseBody;

/** The grants ProcessMaker enables (implicit is not). personal_access is internal to Passport. */
const GRANTS: Record<string, Grant> = {
  authorization_code: authorizationCodeGrant,
  password: passwordGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
};

/** Passport's token response headers. */
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

/** Laravel's throttle middleware: fixed one-minute windows per client address. */
export class RateLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();

  /** Seconds to wait when the limit is exceeded, else null (and the hit is counted). */
  hit(key: string, limit: number, now: number): number | null {
    const entry = this.hits.get(key);
    if (entry === undefined || now - entry.windowStart >= 60_000) {
      this.hits.set(key, { windowStart: now, count: 1 });
      return null;
    }
    entry.count += 1;
    return entry.count > limit ? Math.max(1, Math.ceil((entry.windowStart + 60_000 - now) / 1000)) : null;
  }
}

/** POST /oauth/token. */
export async function tokenEndpoint(
  ctx: ServerContext,
  faults: Faults,
  limiter: RateLimiter,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const limit = ctx.config.tokenRateLimitPerMinute ?? 0;
  const retryAfter = faults.throttle
    ? 60
    : limit > 0
      ? limiter.hit(req.socket.remoteAddress ?? '', limit, ctx.now())
      : null;
  if (retryAfter !== null) {
    sendLaravelError(req, res, 429, {
      'retry-after': String(retryAfter),
      'x-ratelimit-limit': String(limit > 0 ? limit : 60),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': String(Math.floor(ctx.now() / 1000) + retryAfter),
    });
    return;
  }
  const body = await readBody(req);
  try {
    const grant = GRANTS[str(body, 'grant_type') ?? ''];
    if (grant === undefined) throw unsupportedGrantType();
    sendJson(res, 200, grant(ctx, req, body), { ...NO_STORE, 'content-type': 'application/json; charset=UTF-8' });
  } catch (err) {
    if (err instanceof OAuthError) return sendOAuthError(req, res, err);
    throw err;
  }
}
