/**
 * The authorization-code grant's two halves: the authorize URL (PKCE S256 and
 * `state` from a CSPRNG, `response_type=code` always, no scope unless the
 * profile sets one) and the code exchange at the token endpoint.
 */
import * as oauth from 'oauth4webapi';
import { TokenTrayError } from '../errors';
import {
  authorizationServer,
  clientAuthentication,
  oauthClient,
  requestOptions,
  toTokenSet,
  type OAuthTarget,
} from './oauth-client';
import { tokenRequestError } from './token-errors';
import type { Clock, FetchLike } from '../ports';
import type { TokenSet } from '../tokens';

/** A prepared authorize request; `codeVerifier` and `state` stay in memory only. */
export interface AuthorizeRequest {
  url: string;
  state: string;
  codeVerifier: string;
  redirectUri: string;
}

/** Builds the authorize URL for `target`, returning to `redirectUri`. */
export async function buildAuthorizeRequest(
  target: OAuthTarget & { scope?: string | undefined },
  redirectUri: string,
): Promise<AuthorizeRequest> {
  const as = authorizationServer(target.instanceUrl);
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('client_id', target.clientId);
  url.searchParams.set('redirect_uri', redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(codeVerifier));
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  if (target.scope) url.searchParams.set('scope', target.scope);
  return { url: url.href, state, codeVerifier, redirectUri };
}

/** Exchanges a callback's code for tokens, after checking its `state` through oauth4webapi. */
export async function exchangeCode(
  target: OAuthTarget,
  request: AuthorizeRequest,
  callback: { code: string; state: string },
  fetch: FetchLike,
  clock: Clock,
): Promise<TokenSet> {
  const as = authorizationServer(target.instanceUrl);
  const client = oauthClient(target);
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(
      as,
      client,
      new URLSearchParams({ code: callback.code, state: callback.state }),
      request.state,
    );
  } catch (cause) {
    throw new TokenTrayError('state_mismatch', undefined, { cause });
  }
  try {
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      clientAuthentication(target),
      params,
      request.redirectUri,
      request.codeVerifier,
      requestOptions(target.instanceUrl, fetch),
    );
    return toTokenSet(await oauth.processAuthorizationCodeResponse(as, client, response), clock);
  } catch (err) {
    throw await tokenRequestError(err, 'authorization_code');
  }
}
