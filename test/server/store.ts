import { randomBytes } from 'node:crypto';
import { buildSampleData, type SampleData } from './sample-data';
import type { PmClient, PmServerConfig, PmUser } from './types';

/** oauth_access_tokens row. Personal access tokens carry a name. */
export interface AccessTokenRow {
  id: string;
  userId: number | null;
  clientId: number;
  name: string | null;
  scopes: string[];
  revoked: boolean;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
}

/** oauth_refresh_tokens row, keyed by the opaque token string handed out. */
export interface RefreshTokenRow {
  id: string;
  accessTokenId: string;
  clientId: number;
  userId: number;
  scopes: string[];
  revoked: boolean;
  expiresAt: number;
}

/** oauth_auth_codes row, keyed by the opaque code handed out. */
export interface AuthCodeRow {
  id: string;
  clientId: number;
  userId: number;
  scopes: string[];
  redirectUri: string;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  revoked: boolean;
  expiresAt: number;
}

/** An authorization request waiting on the consent page (Passport keeps it in the session). */
export interface PendingAuthorization {
  clientId: number;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  authToken: string;
}

/** A web session (cookie `processmaker_session`). */
export interface Session {
  id: string;
  userId: number | null;
  csrf: string;
  intended: string | null;
  flashError: string | null;
  pending: PendingAuthorization | null;
}

/** Opaque values look like league's defuse-encrypted payloads: "def50200" + hex. */
export function opaqueToken(bytes = 160): string {
  return 'def50200' + randomBytes(bytes).toString('hex');
}

/** The server's in-memory database. */
export class Store {
  readonly users: PmUser[];
  readonly clients: PmClient[];
  readonly accessTokens = new Map<string, AccessTokenRow>();
  readonly refreshTokens = new Map<string, RefreshTokenRow>();
  readonly authCodes = new Map<string, AuthCodeRow>();
  readonly sessions = new Map<string, Session>();
  readonly data: SampleData;

  constructor(readonly config: PmServerConfig) {
    this.users = config.users;
    this.clients = config.clients;
    this.data = buildSampleData(config.users);
  }

  /** Finds a user by numeric id (accepts the id as string, like a route parameter). */
  user(id: number | string | null | undefined): PmUser | undefined {
    if (id === null || id === undefined || String(id) === '') return undefined;
    return this.users.find((u) => String(u.id) === String(id));
  }

  /** Finds a client by its id as sent on the wire. */
  client(id: string | number | null | undefined): PmClient | undefined {
    if (id === null || id === undefined) return undefined;
    return this.clients.find((c) => String(c.id) === String(id));
  }

  /** Creates an empty guest session. */
  newSession(): Session {
    const session: Session = {
      id: randomBytes(20).toString('hex'),
      userId: null,
      csrf: randomBytes(20).toString('hex'),
      intended: null,
      flashError: null,
      pending: null,
    };
    this.sessions.set(session.id, session);
    return session;
  }

  /** Revokes an access token and, unless told otherwise, the refresh tokens tied to it (Passport's TokenRepository::revokeAccessToken). */
  revokeAccessToken(id: string, now: number, withRefreshTokens = true): void {
    const row = this.accessTokens.get(id);
    if (row) {
      row.revoked = true;
      row.updatedAt = now;
    }
    if (!withRefreshTokens) return;
    for (const r of this.refreshTokens.values()) if (r.accessTokenId === id) r.revoked = true;
  }

  /** The server-side "revoke everything" switch. */
  revokeEverything(now: number): void {
    for (const id of this.accessTokens.keys()) this.revokeAccessToken(id, now);
    for (const r of this.refreshTokens.values()) r.revoked = true;
    for (const c of this.authCodes.values()) c.revoked = true;
  }
}
