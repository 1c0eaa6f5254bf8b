/**
 * Checks an Auth Client when a profile is saved, so that a wrong Client ID or secret is found then,
 * not at the first sign-in. ProcessMaker (Laravel Passport on league/oauth2-server) checks the client
 * before anything else in a token request: a request with a deliberately invalid code (or, for the
 * password grant, no username) is answered `invalid_client` when the client is wrong and with an error
 * about the code or username (`invalid_request`, `invalid_grant`) when it is right. No user's
 * credentials are sent and no token can be issued. A refused client is asked about once or twice more
 * (see {@link CLIENT_CHECK_ERRORS}), with the same invented values.
 */
import * as oauth from 'oauth4webapi';
import { TokenTrayError, type ErrorSentenceKey } from '../errors';
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

/**
 * Every sentence a refused client is told with. ProcessMaker answers a wrong ID, a wrong secret and
 * a client of the wrong kind alike (401 `invalid_client`), so the check asks twice more: a refresh
 * request (which every client may make) tells "right ID and secret, wrong kind" from "ID or secret
 * wrong", and the other kind of sign-in says which kind the client is. Only an ID that is no
 * Client ID at all (ProcessMaker's are numbers) is told apart from a wrong secret. The window's
 * language tests show each one in every language.
 */
export const CLIENT_CHECK_ERRORS = [
  'error.client.rejected_check',
  'error.client.not_a_client_id',
  'error.client.not_for_browser',
  'error.client.not_for_password',
] as const satisfies readonly ErrorSentenceKey[];

/** OAuth errors that mean "this client, or this client for this grant, is not accepted"; any other answer is about the code. */
const REJECTIONS = new Set(['invalid_client', 'unauthorized_client', 'unsupported_grant_type']);

/** A Client ID as ProcessMaker makes them: the Auth Client's number (or a UUID, where Passport is set up for them). */
const CLIENT_ID_SHAPE = /^(\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/** What one token request with an invented code, username or refresh token said about the client. */
type Answer = 'accepted' | 'rejected' | 'unchecked';

/** One token request that can issue nothing; what ProcessMaker's answer says about the client. */
async function ask(
  target: OAuthTarget,
  grantType: 'authorization_code' | 'password' | 'refresh_token',
  fetch: FetchLike,
): Promise<Answer> {
  const as = authorizationServer(target.instanceUrl);
  const client = oauthClient(target);
  const parameters: Record<string, string> =
    grantType === 'authorization_code'
      ? { code: CLIENT_CHECK_CODE }
      : grantType === 'refresh_token'
        ? { refresh_token: CLIENT_CHECK_CODE }
        : {};
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
  if (error !== null && REJECTIONS.has(error)) return 'rejected';
  // Only an answer about the invented code, refresh token or the missing username proves the client was accepted.
  return error === 'invalid_request' || error === 'invalid_grant' ? 'accepted' : 'unchecked';
}

/**
 * Asks ProcessMaker whether it accepts `target`'s client for `grant`. Throws `client_rejected` when it
 * does not, saying as closely as ProcessMaker's answers allow what is wrong; resolves `unchecked` when
 * ProcessMaker could not be asked (unreachable, an error on its side), since the sign-in will say so itself.
 */
export async function checkClient(target: OAuthTarget, grant: GrantKind, fetch: FetchLike): Promise<ClientCheck> {
  if (grant === 'personal_access_token') return 'accepted';
  const answer = await ask(target, grant, fetch);
  if (answer !== 'rejected') return answer;
  // ID and secret right, the kind of sign-in wrong: ProcessMaker takes a refresh request from any client it knows.
  if ((await ask(target, 'refresh_token', fetch)) === 'accepted') {
    const other = grant === 'password' ? 'authorization_code' : 'password';
    const otherAccepted = (await ask(target, other, fetch)) === 'accepted';
    throw grant === 'password'
      ? new TokenTrayError(
          'client_rejected',
          'error.client.not_for_password',
          otherAccepted ? { next: 'error.client.not_for_password.browser.next' } : {},
        )
      : new TokenTrayError(
          'client_rejected',
          'error.client.not_for_browser',
          otherAccepted ? { next: 'error.client.not_for_browser.password.next' } : {},
        );
  }
  throw new TokenTrayError(
    'client_rejected',
    CLIENT_ID_SHAPE.test(target.clientId.trim()) ? 'error.client.rejected_check' : 'error.client.not_a_client_id',
  );
}
