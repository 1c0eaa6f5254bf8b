/**
 * Checks an Auth Client when a profile is saved, so that a wrong Client ID or secret is found then,
 * not at the first sign-in. ProcessMaker (Laravel Passport on league/oauth2-server) checks the client
 * before anything else in a token request: a request with a deliberately invalid code (or, for the
 * password grant, no username) is answered `invalid_client` when the client is wrong and with an error
 * about the code or username (`invalid_request`, `invalid_grant`) when it is right. No user's
 * credentials are sent and no token can be issued.
 */
import * as oauth from 'oauth4webapi';
import { TokenTrayError } from '../errors';
import type { GrantKind } from '../model';
import type { FetchLike } from '../ports';
import {
  authorizationServer,
  clientAuthentication,
  oauthClient,
  requestOptions,
  type OAuthTarget,
} from './oauth-client';

/** The code sent in the check: no ProcessMaker issues a code like it. */
export const CLIENT_CHECK_CODE = 'token-tray-client-check';

/** `accepted`: ProcessMaker knows this client for this kind of sign-in; `unchecked`: it could not be asked. */
export type ClientCheck = 'accepted' | 'unchecked';

/** OAuth errors that mean "this client, or this client for this grant, is not accepted"; any other answer is about the code. */
const REJECTIONS = new Set(['invalid_client', 'unauthorized_client', 'unsupported_grant_type']);

/**
 * Asks ProcessMaker whether it accepts `target`'s client for `grant`. Throws `client_rejected` when it
 * does not; resolves `unchecked` when ProcessMaker could not be asked (unreachable, an error on its side),
 * since the sign-in will say so itself.
 */
export async function checkClient(target: OAuthTarget, grant: GrantKind, fetch: FetchLike): Promise<ClientCheck> {
  if (grant === 'personal_access_token') return 'accepted';
  const as = authorizationServer(target.instanceUrl);
  const client = oauthClient(target);
  const [grantType, parameters]: [string, Record<string, string>] =
    grant === 'password' ? ['password', {}] : ['authorization_code', { code: CLIENT_CHECK_CODE }];
  let error: string | null = null;
  try {
    const response = await oauth.genericTokenEndpointRequest(
      as,
      client,
      clientAuthentication(target),
      grantType,
      parameters,
      requestOptions(target.instanceUrl, fetch),
    );
    await oauth.processGenericTokenEndpointResponse(as, client, response);
    // A token for an invented code: this is not a server that checks anything; nothing to say.
    return 'unchecked';
  } catch (err) {
    if (err instanceof oauth.ResponseBodyError) error = err.error;
    else if (err instanceof oauth.WWWAuthenticateChallengeError) {
      error = await err.response
        .clone()
        .json()
        .then((body: unknown) => (body as { error?: unknown }).error)
        .then((e) => (typeof e === 'string' ? e : null))
        .catch(() => err.cause[0]?.parameters.error ?? null);
    } else return 'unchecked';
  }
  if (error !== null && REJECTIONS.has(error)) {
    throw new TokenTrayError(
      'client_rejected',
      grant === 'password' ? 'error.client.rejected_password' : 'error.client.rejected_check',
    );
  }
  // Only an answer about the invented code (or the missing username) proves the client was accepted.
  return error === 'invalid_request' || error === 'invalid_grant' ? 'accepted' : 'unchecked';
}
