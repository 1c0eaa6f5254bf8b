/**
 * The product's fixed lists, each once. Types, zod enums and labels derive from these tuples.
 */

/** How a profile gets its tokens. */
export const SIGN_IN_KINDS = ['authorization_code', 'password', 'personal_access_token'] as const;

/**
 * The short word for each sign-in kind that people type and read on a command line (`--grant pat`, the
 * SIGN-IN column). What a program reads (JSON, setup files) always says the kind itself.
 */
export const SIGN_IN_KIND_WORDS = {
  authorization_code: 'code',
  password: 'password',
  personal_access_token: 'pat',
} as const satisfies Record<(typeof SIGN_IN_KINDS)[number], string>;

/** Where the browser comes back after sign-in: the app's URL scheme, or a loopback listener on 127.0.0.1. */
export const REDIRECT_MODES = ['app', 'loopback'] as const;

/** The window's colour schemes: the system's, or always light or dark. */
export const THEMES = ['system', 'light', 'dark'] as const;

/** The forms a token is handed over in: the token, `Bearer …`, the Authorization header, a shell line setting PM_TOKEN. */
export const TOKEN_FORMATS = ['raw', 'bearer', 'header', 'env'] as const;

/** The HTTP methods the request console and `pmtoken request` send. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] as const;
