/**
 * Maps what the token endpoint answered (as oauth4webapi reports it) to a
 * {@link TokenTrayError}. ProcessMaker's shapes: bad password 400
 * `invalid_grant` (PM 4.0-4.1: 401 `invalid_credentials`), bad client 401
 * `invalid_client`, dead refresh token 401 `invalid_request`, 429 throttle.
 */
import * as oauth from 'oauth4webapi';
import { TokenTrayError } from '../errors';

/** Which token request failed: the meaning of `invalid_grant` and `invalid_request` depends on it. */
export type TokenRequestKind = 'password' | 'authorization_code' | 'refresh_token';

interface Facts {
  status: number | null;
  error: string | null;
  text: string;
}

async function factsOf(err: unknown): Promise<Facts | null> {
  if (err instanceof oauth.ResponseBodyError) {
    const body = err.cause;
    const text = [body.error_description, body.hint, body.message].filter((x) => typeof x === 'string').join(' ');
    return { status: err.status, error: err.error, text };
  }
  if (err instanceof oauth.WWWAuthenticateChallengeError) {
    // A 401 with WWW-Authenticate (client auth by header); the body still says which error.
    let error: string | null = null;
    let text = '';
    try {
      const body = (await err.response.json()) as Record<string, unknown>;
      if (typeof body.error === 'string') error = body.error;
      text = [body.error_description, body.hint, body.message].filter((x) => typeof x === 'string').join(' ');
    } catch {
      error = err.cause[0]?.parameters.error ?? null;
    }
    return { status: err.status, error, text };
  }
  if (err instanceof oauth.OperationProcessingError) {
    const cause: unknown = err.cause;
    const status = cause instanceof Response ? cause.status : null;
    return { status, error: null, text: '' };
  }
  return null;
}

/** Converts a failed token request into a TokenTrayError (transport errors pass through). */
export async function tokenRequestError(err: unknown, kind: TokenRequestKind): Promise<TokenTrayError> {
  if (err instanceof TokenTrayError) return err;
  const facts = await factsOf(err);
  if (!facts) return new TokenTrayError('internal', undefined, { cause: err });
  const { status, error, text } = facts;
  if (status === 429) return new TokenTrayError('throttled', undefined, { cause: err });
  if (status !== null && status >= 500) return new TokenTrayError('server_error', undefined, { cause: err });
  if (error === 'invalid_client' || error === 'unauthorized_client' || error === 'unsupported_grant_type') {
    return new TokenTrayError('client_rejected', undefined, { cause: err });
  }
  if (error === 'invalid_scope') {
    return new TokenTrayError('invalid_input', 'ProcessMaker does not accept the scope set on this profile.', {
      nextStep: 'Clear the scope, or use *.',
      cause: err,
    });
  }
  if (kind === 'password' && (error === 'invalid_grant' || error === 'invalid_credentials')) {
    return new TokenTrayError('bad_credentials', undefined, { cause: err });
  }
  if (kind === 'refresh_token' && (error === 'invalid_request' || error === 'invalid_grant')) {
    return new TokenTrayError('session_expired', undefined, { cause: err });
  }
  if (kind === 'authorization_code' && (error === 'invalid_request' || error === 'invalid_grant')) {
    if (/redirect/i.test(text)) return new TokenTrayError('redirect_mismatch', undefined, { cause: err });
    return new TokenTrayError('sign_in_failed', undefined, { cause: err });
  }
  if (error === 'invalid_request') {
    return new TokenTrayError('invalid_input', 'ProcessMaker said some sign-in details were missing.', { cause: err });
  }
  if (status === 404) return new TokenTrayError('not_processmaker', undefined, { cause: err });
  return new TokenTrayError('unexpected_response', undefined, { cause: err });
}
