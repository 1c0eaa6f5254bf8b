/**
 * The shapes and fixed lists every layer shares: profiles, token details, API requests, engine events,
 * sign-in kinds. No imports: the IPC contract and the renderer read them too.
 */
export type * from './types';
export { HTTP_METHODS, REDIRECT_MODES, SIGN_IN_KIND_WORDS, SIGN_IN_KINDS, THEMES, TOKEN_FORMATS } from './lists';
export { nextProfileColor, PROFILE_COLORS } from './profile-colors';
