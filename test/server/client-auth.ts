import type { IncomingMessage } from 'node:http';
import type { ServerContext } from './context';
import { str, type Body } from './http-utils';
import { invalidClient, invalidRequest } from './oauth-errors';
import { redirectUriAllowed } from './redirect-uri';
import type { PmClient } from './types';

/** HTTP Basic credentials, as league's getBasicAuthCredentials reads them (no URL-decoding). */
function basicCredentials(req: IncomingMessage): [string | null, string | null] {
  const header = req.headers.authorization;
  if (header === undefined || !header.startsWith('Basic ')) return [null, null];
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return [null, null];
  return [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

/** Passport's ClientRepository::handlesGrant. */
export function clientHandlesGrant(client: PmClient, grant: string): boolean {
  const firstParty = client.types.includes('password_client') || client.types.includes('personal_access_client');
  switch (grant) {
    case 'authorization_code':
      return !firstParty;
    case 'personal_access':
      return client.types.includes('personal_access_client') && client.secret !== null;
    case 'password':
      return client.types.includes('password_client');
    case 'client_credentials':
      return client.secret !== null;
    default:
      return true;
  }
}

/**
 * league's AbstractGrant::validateClient: client id from the body or Basic auth, secret checked
 * for confidential clients, grant allowed for the client, and any redirect_uri sent registered.
 */
export function validateClient(ctx: ServerContext, req: IncomingMessage, body: Body, grant: string): PmClient {
  const [basicUser, basicPassword] = basicCredentials(req);
  const clientId = str(body, 'client_id') ?? basicUser;
  if (clientId === null) throw invalidRequest('client_id');
  const secret = str(body, 'client_secret') ?? basicPassword;
  const client = ctx.store.client(clientId);
  if (client === undefined || !clientHandlesGrant(client, grant)) throw invalidClient();
  if (client.secret !== null && secret !== client.secret) throw invalidClient();
  const redirectUri = body.redirect_uri;
  if (redirectUri !== undefined && redirectUri !== null) {
    if (typeof redirectUri !== 'string') throw invalidRequest('redirect_uri');
    if (!redirectUriAllowed(redirectUri, client.redirect)) throw invalidClient();
  }
  return client;
}
