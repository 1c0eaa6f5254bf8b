/** Shared types of the ProcessMaker-compatible test server (public API, re-exported by index.ts). */

/** A ProcessMaker user as the server stores it. */
export interface PmUser {
  id: number;
  username: string;
  password: string;
  email: string;
  firstname: string;
  lastname: string;
  status?: 'ACTIVE' | 'INACTIVE';
  is_administrator?: boolean;
}

/** The grant types an Auth Client may use, as ticked in ProcessMaker's Auth Clients page. */
export type PmClientType = 'authorization_code_grant' | 'password_client' | 'personal_access_client';

/** An OAuth client (oauth_clients row). `secret: null` makes it a public client. */
export interface PmClient {
  id: number;
  name: string;
  secret: string | null;
  /** Comma-separated list of registered redirect URIs. */
  redirect: string;
  types: PmClientType[];
}

/** Effective server configuration. */
export interface PmServerConfig {
  users: PmUser[];
  clients: PmClient[];
  /** Access token lifetime in seconds (Passport default: 31535999, one year). */
  accessTokenTtl: number;
  refreshTokenTtl: number;
  personalAccessTokenTtl: number;
  /** Whether a refresh revokes the old access and refresh tokens (Passport: true). */
  rotateRefreshTokens: boolean;
  /** Real per-minute limit on POST /oauth/token (ProcessMaker: 60); 0 or absent turns it off. */
  tokenRateLimitPerMinute?: number;
  /**
   * Passport skips the consent page when the user already holds a live token for the client with
   * the same scopes (unless the request says prompt=consent). Default true, as in Passport.
   */
  skipConsentWhenTokenExists?: boolean;
  /** Emulates ProcessMaker 4.0-4.1 (league < 8): a wrong password is 401 invalid_credentials. Default false. */
  legacyInvalidCredentials?: boolean;
}

/** Options for {@link startPmServer}. */
export interface StartOptions {
  /** 0 or undefined: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  config?: Partial<PmServerConfig>;
  https?: boolean;
  /** Milliseconds since the epoch; lets tests travel in time. */
  clock?: () => number;
}

/** Fault switches, controlled in-process. */
export interface PmFaults {
  /** Delay added to every request. */
  latencyMs: number;
  /** The next `count` requests fail with `status`. */
  failNext(count: number, status: 500 | 503): void;
  /** When on, POST /oauth/token answers 429. */
  throttle: boolean;
  /** Revokes every access token, refresh token and authorization code issued so far. */
  revokeEverything(): void;
}

/** Request counters. */
export interface PmStats {
  tokenRequests: number;
  requests: number;
  reset(): void;
}

/** The default seed's named entries. */
export interface PmSeed {
  admin: PmUser;
  user: PmUser;
  codeClient: PmClient;
  passwordClient: PmClient;
  patClient: PmClient;
}

/** A running server. */
export interface PmServer {
  /** e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  config: PmServerConfig;
  seed: PmSeed;
  /** With https: the self-signed certificate (PEM). */
  caCertPem?: string;
  faults: PmFaults;
  stats: PmStats;
  /** Issues a personal access token for a user, as ProcessMaker's API Tokens tab does; returns the JWT. */
  issuePersonalAccessToken(userId: number, name: string): Promise<string> | string;
  close(): Promise<void>;
}
