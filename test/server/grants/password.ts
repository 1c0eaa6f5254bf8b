import type { IncomingMessage } from 'node:http';
import { validateClient } from '../client-auth';
import type { ServerContext } from '../context';
import { str, type Body } from '../http-utils';
import { invalidCredentials, invalidRequest } from '../oauth-errors';
import { finalizeScopes, validateScopes } from '../scopes';
import { issueTokenPair, type TokenResponseBody } from './issue';

/** league's PasswordGrant; ProcessMaker finds users by username (not email). */
export function passwordGrant(ctx: ServerContext, req: IncomingMessage, body: Body): TokenResponseBody {
  const client = validateClient(ctx, req, body, 'password');
  const scopes = validateScopes(str(body, 'scope'));
  const username = str(body, 'username');
  if (username === null) throw invalidRequest('username');
  const password = str(body, 'password');
  if (password === null) throw invalidRequest('password');
  const user = ctx.store.users.find((u) => u.username === username);
  if (user === undefined || user.password !== password || user.status === 'INACTIVE')
    throw invalidCredentials(ctx.config.legacyInvalidCredentials === true);
  return issueTokenPair(
    ctx,
    {
      clientId: client.id,
      userId: user.id,
      scopes: finalizeScopes('password', scopes),
      ttlSeconds: ctx.config.accessTokenTtl,
    },
    true,
  );
}
