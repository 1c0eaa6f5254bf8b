/**
 * The oauth4webapi pieces for one profile. ProcessMaker publishes no
 * `.well-known` metadata, so the Authorization Server is described by hand:
 * `<instance>/oauth/authorize` and `<instance>/oauth/token`, issuer = the
 * instance. It never sends `iss` in callbacks, so the metadata does not claim
 * `authorization_response_iss_parameter_supported`.
 */
import * as oauth from 'oauth4webapi';
import { jwtExpiresAt } from '../tokens';
import type { Clock, FetchLike } from '../ports';
import type { TokenSet } from '../tokens';

/** What a token request needs to know about the profile. */
export interface OAuthTarget {
  instanceUrl: string;
  clientId: string;
  clientSecret?: string | undefined;
}

/** Hand-built Authorization Server metadata for a ProcessMaker instance. */
export function authorizationServer(instanceUrl: string): oauth.AuthorizationServer {
  return {
    issuer: instanceUrl,
    authorization_endpoint: `${instanceUrl}/oauth/authorize`,
    token_endpoint: `${instanceUrl}/oauth/token`,
    code_challenge_methods_supported: ['S256', 'plain'],
    token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
  };
}

/** The oauth4webapi client record. */
export function oauthClient(target: OAuthTarget): oauth.Client {
  return { client_id: target.clientId };
}

/** Confidential clients send their secret in the form body (`client_secret_post`); public ones send only the id. */
export function clientAuthentication(target: OAuthTarget): oauth.ClientAuth {
  return target.clientSecret ? oauth.ClientSecretPost(target.clientSecret) : oauth.None();
}

/**
 * Request options: our injected fetch, and plain http allowed only for an
 * http instance (which normalisation accepts only for this computer or after
 * the user confirmed it).
 */
export function requestOptions(
  instanceUrl: string,
  fetch: FetchLike,
  signal?: AbortSignal,
): oauth.TokenEndpointRequestOptions {
  const options: oauth.TokenEndpointRequestOptions = {
    [oauth.customFetch]: (url, init) => fetch(url, init as RequestInit),
  };
  if (instanceUrl.startsWith('http://')) options[oauth.allowInsecureRequests] = true;
  if (signal) options.signal = signal;
  return options;
}

/** Turns a processed token response into what the vault stores. */
export function toTokenSet(response: oauth.TokenEndpointResponse, clock: Clock): TokenSet {
  const obtainedAt = clock.now();
  const expiresIn =
    typeof response.expires_in === 'number' && Number.isFinite(response.expires_in) ? response.expires_in : undefined;
  const expiresAt =
    expiresIn !== undefined ? obtainedAt + Math.floor(expiresIn * 1000) : jwtExpiresAt(response.access_token);
  const tokens: TokenSet = { kind: 'oauth', accessToken: response.access_token, expiresAt, obtainedAt };
  if (typeof response.refresh_token === 'string' && response.refresh_token !== '')
    tokens.refreshToken = response.refresh_token;
  return tokens;
}
