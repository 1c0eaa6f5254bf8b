/**
 * The oauth4webapi pieces for one profile. ProcessMaker publishes no
 * `.well-known` metadata, so the Authorization Server is described by hand:
 * `<instance>/oauth/authorize` and `<instance>/oauth/token`, issuer = the
 * instance. It never sends `iss` in callbacks, so the metadata does not claim
 * `authorization_response_iss_parameter_supported`.
 */
import * as oauth from 'oauth4webapi';
import { readBodyCapped } from '../api';
import { TokenTrayError } from '../errors';
import { jwtExpiresAt } from '../tokens';
import { tokenTypeError } from './token-errors';
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

/** The largest token-endpoint answer accepted (a real one is under 4 KB). */
export const TOKEN_BODY_MAX_BYTES = 64 * 1024;

/** The longest lifetime believed from `expires_in` or a JWT `exp`: a year. */
export const MAX_TOKEN_LIFETIME_MS = 366 * 24 * 3600_000;

/**
 * Reads a token-endpoint answer with a hard cap, before oauth4webapi sees it (it reads the body
 * through our fetch); a larger one is refused with `unexpected_response`.
 */
async function cappedResponse(response: Response, signal: AbortSignal | null | undefined): Promise<Response> {
  const body = await readBodyCapped(response, {
    displayBytes: TOKEN_BODY_MAX_BYTES,
    hardLimitBytes: TOKEN_BODY_MAX_BYTES,
    signal: signal ?? undefined,
  });
  if (body.sizeBytes > TOKEN_BODY_MAX_BYTES || !body.complete) {
    throw new TokenTrayError('unexpected_response', 'error.answer.too_large');
  }
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  const empty = response.status === 204 || response.status === 304;
  return new Response(empty ? null : body.text, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Request options: our injected fetch (its answers capped at {@link TOKEN_BODY_MAX_BYTES}), and plain http allowed only for an
 * http instance (which normalisation accepts only for this computer or after
 * the user confirmed it).
 */
export function requestOptions(
  instanceUrl: string,
  fetch: FetchLike,
  signal?: AbortSignal,
): oauth.TokenEndpointRequestOptions {
  const options: oauth.TokenEndpointRequestOptions = {
    [oauth.customFetch]: async (url, init) => cappedResponse(await fetch(url, init as RequestInit), init.signal),
  };
  if (instanceUrl.startsWith('http://')) options[oauth.allowInsecureRequests] = true;
  if (signal) options.signal = signal;
  return options;
}

/**
 * A token answer whose access token had already expired. It may still carry the refresh token that
 * replaced the one just spent (a server that rotates them): the caller keeps that one, or the session
 * would end with the next refresh.
 */
export class ExpiredTokenAnswer extends TokenTrayError {
  constructor(readonly refreshToken: string | undefined) {
    super('unexpected_response', 'error.token.already_expired');
  }
}

/**
 * Turns a processed token response into what the vault stores. Refuses a token that is not
 * Bearer, or that has already expired (storing it would make every next call refresh again);
 * believes a lifetime of at most {@link MAX_TOKEN_LIFETIME_MS}.
 */
export function toTokenSet(response: oauth.TokenEndpointResponse, clock: Clock): TokenSet {
  if (String(response.token_type).toLowerCase() !== 'bearer') throw tokenTypeError();
  const obtainedAt = clock.now();
  const expiresIn =
    typeof response.expires_in === 'number' && !Number.isNaN(response.expires_in) ? response.expires_in : undefined;
  let expiresAt =
    expiresIn !== undefined
      ? obtainedAt + Math.min(expiresIn * 1000, MAX_TOKEN_LIFETIME_MS)
      : jwtExpiresAt(response.access_token);
  if (expiresAt !== null) {
    if (expiresAt <= obtainedAt) {
      const rotated = typeof response.refresh_token === 'string' && response.refresh_token !== '';
      throw new ExpiredTokenAnswer(rotated ? response.refresh_token : undefined);
    }
    expiresAt = Math.floor(Math.min(expiresAt, obtainedAt + MAX_TOKEN_LIFETIME_MS));
  }
  const tokens: TokenSet = { kind: 'oauth', accessToken: response.access_token, expiresAt, obtainedAt };
  if (typeof response.refresh_token === 'string' && response.refresh_token !== '')
    tokens.refreshToken = response.refresh_token;
  return tokens;
}
