import type { IncomingMessage } from 'node:http';
import type { ServerContext } from '../context';
import { verifyJwt } from '../jwt';
import type { PmUser } from '../types';

/**
 * Passport's TokenGuard: a Bearer JWT with a valid signature, inside its iat/nbf/exp window,
 * whose jti is in the database unrevoked, for a user who exists. Anything else: null (401).
 */
export function authenticate(ctx: ServerContext, req: IncomingMessage): PmUser | null {
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match === null) return null;
  const claims = verifyJwt(match[1] as string, ctx.keys.publicKey);
  if (claims === null) return null;
  const nowSeconds = ctx.now() / 1000;
  if (claims.exp <= nowSeconds || claims.nbf > nowSeconds + 1 || claims.iat > nowSeconds + 1) return null;
  const row = ctx.store.accessTokens.get(claims.jti);
  if (row === undefined || row.revoked || row.userId === null) return null;
  const user = ctx.store.user(claims.sub);
  if (user === undefined || user.status === 'INACTIVE') return null;
  return user;
}
