import type { IncomingMessage } from 'node:http';
import { validateClient } from '../client-auth';
import type { ServerContext } from '../context';
import { str, type Body } from '../http-utils';
import { finalizeScopes, validateScopes } from '../scopes';
import { issueTokenPair, type TokenResponseBody } from './issue';

/** league's ClientCredentialsGrant: a token with no user (sub ""), no refresh token. */
export function clientCredentialsGrant(ctx: ServerContext, req: IncomingMessage, body: Body): TokenResponseBody {
  const client = validateClient(ctx, req, body, 'client_credentials');
  const scopes = validateScopes(str(body, 'scope'));
  return issueTokenPair(
    ctx,
    {
      clientId: client.id,
      userId: null,
      scopes: finalizeScopes('client_credentials', scopes),
      ttlSeconds: ctx.config.accessTokenTtl,
    },
    false,
  );
}
