/**
 * Getting tokens from ProcessMaker: the browser sign-in (PKCE, state, app-scheme or loopback callback),
 * the password and refresh grants, pasted personal access tokens, and the one OAuth error mapping.
 */
export type { AuthorizeRequest } from './authorize-flow';
export { handleCallbackUrl, startBrowserSignIn } from './browser-sign-in';
export type { BrowserSignInDeps, BrowserSignInOptions } from './browser-sign-in';
export { APP_REDIRECT_URI, LINK_SCHEME, LOOPBACK_REDIRECT_BASE, parseCallbackUrl } from './callback-url';
export type { CallbackResult } from './callback-url';
export { checkClient, CLIENT_CHECK_CODE, CLIENT_CHECK_ERRORS } from './client-check';
export type { ClientCheck } from './client-check';
export { ExpiredTokenAnswer, toTokenSet } from './oauth-client';
export { passwordGrant, refreshTokenGrant } from './token-grants';
export { checkPersonalAccessToken, cleanPastedToken } from './personal-token';
export { DEFAULT_SIGN_IN_TIMEOUT_MS, SignInFlows } from './sign-in-flows';
export { callbackError, requestedWaitMs, retryAfterMs, waitError } from './token-errors';
export { errorPage, successPage } from './loopback-pages';
