/**
 * The authorization-code grant's first half: the authorize URL (PKCE S256 and
 * `state` from a CSPRNG, `response_type=code` always, no scope unless the
 * profile sets one). The code exchange is in token-grants.ts.
 */
import * as oauth from 'oauth4webapi';
import { authorizationServer, type OAuthTarget } from './oauth-client';

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
