import type { IncomingMessage, ServerResponse } from 'node:http';
import { buildQuery, redirect, sendJson } from './http-utils';

/**
 * league/oauth2-server's OAuthServerException: same messages, error types, hints and statuses.
 * Body order as league writes it: error, error_description, hint (if any), message.
 */
export class OAuthError extends Error {
  constructor(
    message: string,
    readonly errorType: string,
    readonly status: number,
    readonly hint: string | null = null,
    readonly redirectUri: string | null = null,
  ) {
    super(message);
  }

  /** The JSON payload league sends. */
  payload(): Record<string, string> {
    const p: Record<string, string> = { error: this.errorType, error_description: this.message };
    if (this.hint !== null) p.hint = this.hint;
    p.message = this.message;
    return p;
  }
}

/** 400 invalid_request; the hint defaults to "Check the `param` parameter". */
export const invalidRequest = (param: string, hint?: string): OAuthError =>
  new OAuthError(
    'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.',
    'invalid_request',
    400,
    hint ?? `Check the \`${param}\` parameter`,
  );

/** 401 invalid_client. */
export const invalidClient = (): OAuthError => new OAuthError('Client authentication failed', 'invalid_client', 401);

/** 400 invalid_scope. */
export const invalidScope = (scope: string, redirectUri: string | null = null): OAuthError =>
  new OAuthError(
    'The requested scope is invalid, unknown, or malformed',
    'invalid_scope',
    400,
    `Check the \`${scope}\` scope`,
    redirectUri,
  );

/** Wrong user credentials: 400 invalid_grant (league >= 8.3.6), or 401 invalid_credentials as ProcessMaker 4.0-4.1 said. */
export const invalidCredentials = (legacy = false): OAuthError =>
  legacy
    ? new OAuthError('The user credentials were incorrect.', 'invalid_credentials', 401)
    : new OAuthError('The user credentials were incorrect.', 'invalid_grant', 400);

/** 400 invalid_grant. */
export const invalidGrant = (hint: string): OAuthError =>
  new OAuthError(
    'The provided authorization grant (e.g., authorization code, resource owner credentials) or refresh token is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
    'invalid_grant',
    400,
    hint,
  );

/** 401 invalid_request "The refresh token is invalid." */
export const invalidRefreshToken = (hint: string): OAuthError =>
  new OAuthError('The refresh token is invalid.', 'invalid_request', 401, hint);

/** 400 unsupported_grant_type. */
export const unsupportedGrantType = (): OAuthError =>
  new OAuthError(
    'The authorization grant type is not supported by the authorization server.',
    'unsupported_grant_type',
    400,
    'Check that all required parameters have been provided',
  );

/** access_denied, sent as a redirect to the client. */
export const accessDenied = (redirectUri: string): OAuthError =>
  new OAuthError(
    'The resource owner or authorization server denied the request.',
    'access_denied',
    401,
    'The user denied the request',
    redirectUri,
  );

/** Writes the error as league's generateHttpResponse does: a redirect when it has a redirect URI, else JSON. */
export function sendOAuthError(
  req: IncomingMessage,
  res: ServerResponse,
  err: OAuthError,
  extraHeaders: Record<string, string> = {},
): void {
  if (err.redirectUri !== null) {
    const sep = err.redirectUri.includes('?') ? '&' : '?';
    redirect(res, err.redirectUri + sep + buildQuery(err.payload()));
    return;
  }
  const headers: Record<string, string> = { ...extraHeaders };
  const auth = req.headers.authorization;
  if (err.errorType === 'invalid_client' && auth !== undefined) {
    headers['www-authenticate'] = `${auth.startsWith('Bearer') ? 'Bearer' : 'Basic'} realm="OAuth"`;
  }
  sendJson(res, err.status, err.payload(), headers);
}
