/**
 * The three token-endpoint grants Token Tray uses: the authorization-code
 * exchange (after the browser sign-in), the password grant (ProcessMaker's
 * "Enable Password Grant" clients; users by username, not email) and the
 * refresh-token grant (ProcessMaker rotates). Failures are mapped once, by
 * token-errors.ts.
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
import type { AuthorizeRequest } from './authorize-flow';

/** Signs in with a username and password; returns the tokens without storing them. */
export async function passwordGrant(
  target: OAuthTarget & { scope?: string | undefined },
  username: string,
  password: string,
  fetch: FetchLike,
  clock: Clock,
): Promise<TokenSet> {
  const user = username.trim();
  if (user === '') throw new TokenTrayError('invalid_input', 'error.password.username_missing');
  if (password === '') throw new TokenTrayError('invalid_input', 'error.password.password_missing');
  const as = authorizationServer(target.instanceUrl);
  const client = oauthClient(target);
  const parameters: Record<string, string> = { username: user, password };
  if (target.scope) parameters.scope = target.scope;
  try {
    const response = await oauth.genericTokenEndpointRequest(
      as,
      client,
      clientAuthentication(target),
      'password',
      parameters,
      requestOptions(target.instanceUrl, fetch),
    );
    return toTokenSet(await oauth.processGenericTokenEndpointResponse(as, client, response), clock);
  } catch (err) {
    throw await tokenRequestError(err, 'password', clock.now());
  }
}

/** Exchanges a refresh token for a new pair (ProcessMaker rotates: the old refresh token dies). */
export async function refreshTokenGrant(
  target: OAuthTarget,
  refreshToken: string,
  fetch: FetchLike,
  clock: Clock,
): Promise<TokenSet> {
  const as = authorizationServer(target.instanceUrl);
  const client = oauthClient(target);
  try {
    const response = await oauth.refreshTokenGrantRequest(
      as,
      client,
      clientAuthentication(target),
      refreshToken,
      requestOptions(target.instanceUrl, fetch),
    );
    return toTokenSet(await oauth.processRefreshTokenResponse(as, client, response), clock);
  } catch (err) {
    throw await tokenRequestError(err, 'refresh_token', clock.now());
  }
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
    throw await tokenRequestError(err, 'authorization_code', clock.now());
  }
}
