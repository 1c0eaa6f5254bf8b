/**
 * Fresh tokens: `freshToken` returns an access token valid for at least the
 * next minute, refreshing ahead of expiry. Refreshes of one profile are
 * single-flight inside the process and serialised across processes by
 * `refresh-<profileId>.lock` beside the settings. After taking the lock the
 * keychain is read again (another process may have refreshed already); the
 * new pair is stored before it is returned. A dead refresh token signs the
 * profile out (`session_expired`) and keeps its settings; a server or network
 * failure keeps the old tokens.
 */
import { join } from 'node:path';
import type { Profile } from '../model';
import { isErrorCode, TokenTrayError } from '../errors';
import { withFileLock, type FileLockOptions } from './file-lock';
import { refreshTokenGrant } from '../oauth';
import type { Clock, FetchLike, LogSink } from '../ports';
import { withoutTokens, withTokens, type Vault, type VaultEntry } from '../tokens';

/** A token must stay valid this long to be handed out without a refresh. */
export const MIN_VALIDITY_MS = 60_000;

/** What the refresher needs. */
export interface RefresherDeps {
  vault: Vault;
  fetch: FetchLike;
  clock: Clock;
  configDir: string;
  log?: LogSink | undefined;
  lock?: FileLockOptions;
  onRefreshed(profileId: string): void;
  onSessionExpired(profileId: string): void;
}

/** How long a handed-out token must stay valid; default {@link MIN_VALIDITY_MS}. */
export interface FreshTokenOptions {
  minValidityMs?: number;
}

/** A keychain entry known to hold an access token. */
export type UsableEntry = VaultEntry & { accessToken: string };

/** Fresh-token logic for all profiles. */
export interface Refresher {
  /** A token valid for at least {@link MIN_VALIDITY_MS}; `known` is an entry the caller just read (saves a read). */
  freshToken(profile: Profile, known?: VaultEntry): Promise<string>;
  /** The entry behind {@link Refresher.freshToken}, valid for at least `minValidityMs` when it can be refreshed. */
  freshEntry(profile: Profile, options?: FreshTokenOptions, known?: VaultEntry): Promise<UsableEntry>;
  /** Refreshes now (or after ProcessMaker rejected `rejectedToken`), unless another process already did. */
  refresh(
    profile: Profile,
    options?: {
      force?: boolean;
      rejectedToken?: string;
      /** The access token the caller last read, saving a keychain read. */
      seenToken?: string;
      minValidityMs?: number;
    },
  ): Promise<VaultEntry>;
}

/** Throws the right "not signed in" error for an entry without a token. */
export function notSignedIn(entry: VaultEntry): TokenTrayError {
  return entry.signedOutReason === 'session_expired'
    ? new TokenTrayError('session_expired')
    : new TokenTrayError('signed_out');
}

/** True when the entry's access token is good for at least `minValidityMs` (default `MIN_VALIDITY_MS`) more. */
export function isFresh(entry: VaultEntry, now: number, minValidityMs = MIN_VALIDITY_MS): boolean {
  if (!entry.accessToken) return false;
  if (entry.expiresAt === null || entry.expiresAt === undefined) return true;
  return entry.expiresAt - now >= minValidityMs;
}

/** The lock file that serialises changes to one profile's keychain item across processes. */
export function refreshLockPath(configDir: string, profileId: string): string {
  return join(configDir, `refresh-${profileId}.lock`);
}

/** Builds the {@link Refresher}. */
export function createRefresher(deps: RefresherDeps): Refresher {
  const inFlight = new Map<string, Promise<VaultEntry>>();

  const locked = async (
    profile: Profile,
    force: boolean,
    rejectedToken: string | undefined,
    seenToken: string | undefined,
    minValidityMs: number,
  ): Promise<VaultEntry> => {
    const lockPath = refreshLockPath(deps.configDir, profile.id);
    // `fresh`: skip the in-memory copy. After a 401 the copy is suspect, so the keychain itself is read.
    const underLock = async (fresh: boolean): Promise<VaultEntry> => {
      const entry = await deps.vault.read(profile.id, { fresh });
      if (!entry.accessToken || entry.kind === 'none') throw notSignedIn(entry);
      const changedMeanwhile = entry.accessToken !== (rejectedToken ?? seenToken);
      if (entry.kind === 'personal_access_token') return entry;
      // Another process (or an earlier call) refreshed while we waited: use its result.
      if (changedMeanwhile && isFresh(entry, deps.clock.now(), minValidityMs)) return entry;
      if (!force && !rejectedToken && isFresh(entry, deps.clock.now(), minValidityMs)) return entry;
      if (!entry.refreshToken) {
        if (entry.expiresAt !== null && entry.expiresAt !== undefined && entry.expiresAt <= deps.clock.now()) {
          await deps.vault.write(profile.id, withoutTokens(entry, 'session_expired'));
          deps.onSessionExpired(profile.id);
          throw new TokenTrayError('session_expired');
        }
        return entry;
      }
      const target = {
        instanceUrl: profile.instanceUrl,
        clientId: profile.clientId,
        clientSecret: entry.clientSecret,
      };
      try {
        const tokens = await refreshTokenGrant(target, entry.refreshToken, deps.fetch, deps.clock);
        // ProcessMaker rotates; if a server does not, keep the refresh token we have.
        if (!tokens.refreshToken) tokens.refreshToken = entry.refreshToken;
        const next = withTokens(entry, tokens);
        await deps.vault.write(profile.id, next);
        deps.onRefreshed(profile.id);
        return next;
      } catch (err) {
        if (isErrorCode(err, 'session_expired')) {
          // A copy from memory may be older than the keychain (a writer died before replacing the
          // generation nonce): if the keychain holds another refresh token, try again with that one.
          if (!fresh && (await deps.vault.read(profile.id, { fresh: true })).refreshToken !== entry.refreshToken) {
            return underLock(true);
          }
          await deps.vault.write(profile.id, withoutTokens(entry, 'session_expired'));
          deps.log?.warn(`Profile ${profile.name}: the refresh token was refused; signed out.`);
          deps.onSessionExpired(profile.id);
        }
        throw err;
      }
    };
    return withFileLock(lockPath, () => underLock(rejectedToken !== undefined), deps.lock);
  };

  const refresh: Refresher['refresh'] = (profile, options = {}) => {
    const running = inFlight.get(profile.id);
    if (running) return running;
    const work = (async () => {
      const seen = options.seenToken ?? (await deps.vault.read(profile.id)).accessToken;
      const min = options.minValidityMs ?? MIN_VALIDITY_MS;
      return locked(profile, options.force ?? false, options.rejectedToken, seen, min);
    })().finally(() => inFlight.delete(profile.id));
    inFlight.set(profile.id, work);
    return work;
  };

  const freshEntry: Refresher['freshEntry'] = async (profile, options = {}, known) => {
    const entry = known ?? (await deps.vault.read(profile.id));
    if (!entry.accessToken || entry.kind === 'none') throw notSignedIn(entry);
    if (entry.kind === 'personal_access_token') {
      if (typeof entry.expiresAt === 'number' && entry.expiresAt <= deps.clock.now()) {
        throw new TokenTrayError('session_expired', 'This personal access token has expired.', {
          nextStep: 'Create a new token in ProcessMaker under your user’s API Tokens, then paste it here.',
        });
      }
      return { ...entry, accessToken: entry.accessToken };
    }
    const minValidityMs = options.minValidityMs ?? MIN_VALIDITY_MS;
    if (isFresh(entry, deps.clock.now(), minValidityMs)) return { ...entry, accessToken: entry.accessToken };
    const next = await refresh(profile, { seenToken: entry.accessToken, minValidityMs });
    if (!next.accessToken) throw notSignedIn(next);
    return { ...next, accessToken: next.accessToken };
  };

  return {
    refresh,
    freshEntry,
    freshToken: async (profile, known) => (await freshEntry(profile, {}, known)).accessToken,
  };
}
