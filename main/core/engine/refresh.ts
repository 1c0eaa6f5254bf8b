/**
 * Fresh tokens: `freshToken` returns an access token valid for at least the
 * next minute (half the lifetime of a shorter-lived token), refreshing ahead
 * of expiry; the rule itself is `decideStoredToken` in tokens/. Refreshes of one profile are
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
import type { RetryGate } from './retry-gate';
import { ExpiredTokenAnswer, refreshTokenGrant } from '../oauth';
import type { Clock, FetchLike, LogSink } from '../ports';
import { decideStoredToken, withoutTokens, withTokens, type Vault, type VaultEntry } from '../tokens';

/** What the refresher needs. */
export interface RefresherDeps {
  vault: Vault;
  fetch: FetchLike;
  clock: Clock;
  configDir: string;
  log?: LogSink | undefined;
  lock?: FileLockOptions;
  /** Honours ProcessMaker's Retry-After per profile (shared with the other token requests). */
  gate: RetryGate;
  onRefreshed(profileId: string): void;
  onSessionExpired(profileId: string): void;
  /** A refresh failed for another reason than an ended session (ProcessMaker unreachable or in error); the old tokens stay. */
  onRefreshFailed?(profileId: string, err: unknown): void;
}

/** How long a handed-out token must stay valid; by default the stored-token rule's own minimum. */
export interface FreshTokenOptions {
  minValidityMs?: number;
}

/** A keychain entry known to hold an access token. */
export type UsableEntry = VaultEntry & { accessToken: string };

/** Fresh-token logic for all profiles. */
export interface Refresher {
  /** The entry behind {@link Refresher.freshToken}, valid for at least `minValidityMs` when it can be refreshed. */
  freshEntry(profile: Profile, options?: FreshTokenOptions, known?: VaultEntry): Promise<UsableEntry>;
  /** A token the stored-token rule (`decideStoredToken`) lets out, refreshed when due; `known` is an entry the caller just read (saves a read). */
  freshToken(profile: Profile, known?: VaultEntry): Promise<string>;
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

/** The error for a stored token that expired and cannot be refreshed. */
function expiredError(personal: boolean): TokenTrayError {
  if (!personal) return new TokenTrayError('session_expired');
  return new TokenTrayError('session_expired', 'error.personal_token.expired');
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
    minValidityMs: number | undefined,
  ): Promise<VaultEntry> => {
    const lockPath = refreshLockPath(deps.configDir, profile.id);
    // `fresh`: skip the in-memory copy. After a 401 the copy is suspect, so the keychain itself is read.
    const underLock = async (fresh: boolean): Promise<VaultEntry> => {
      const entry = await deps.vault.read(profile.id, { fresh });
      // Another process (or an earlier call) refreshed while we waited: its result is used while it lasts.
      const decision = decideStoredToken(entry, deps.clock.now(), {
        renewedElsewhere: entry.accessToken !== (rejectedToken ?? seenToken),
        force: force || rejectedToken !== undefined,
        minValidityMs,
      });
      if (decision.action === 'use') return entry;
      if (decision.action === 'not_signed_in') throw notSignedIn(entry);
      if (decision.action === 'expired') {
        if (!decision.personal) {
          await deps.vault.write(profile.id, withoutTokens(entry, 'session_expired'));
          deps.onSessionExpired(profile.id);
        }
        throw expiredError(decision.personal);
      }
      const target = {
        instanceUrl: profile.instanceUrl,
        clientId: profile.clientId,
        clientSecret: entry.clientSecret,
      };
      try {
        const tokens = await deps.gate.run(profile.id, () =>
          refreshTokenGrant(target, decision.refreshToken, deps.fetch, deps.clock),
        );
        // ProcessMaker rotates; if a server does not, keep the refresh token we have.
        if (!tokens.refreshToken) tokens.refreshToken = entry.refreshToken;
        const next = withTokens(entry, tokens);
        await deps.vault.write(profile.id, next);
        deps.onRefreshed(profile.id);
        return next;
      } catch (err) {
        // An answer with an expired access token still spent the refresh token: keep the one it sent back.
        if (err instanceof ExpiredTokenAnswer && err.refreshToken && err.refreshToken !== entry.refreshToken)
          await deps.vault.write(profile.id, { ...entry, refreshToken: err.refreshToken });
        if (isErrorCode(err, 'session_expired')) {
          // A copy from memory may be older than the keychain (a writer died before replacing the
          // generation nonce): if the keychain holds another refresh token, try again with that one.
          if (!fresh && (await deps.vault.read(profile.id, { fresh: true })).refreshToken !== entry.refreshToken) {
            return underLock(true);
          }
          await deps.vault.write(profile.id, withoutTokens(entry, 'session_expired'));
          deps.log?.warn(`Profile ${profile.name}: the refresh token was refused; signed out.`);
          deps.onSessionExpired(profile.id);
        } else {
          deps.onRefreshFailed?.(profile.id, err);
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
      return locked(profile, options.force ?? false, options.rejectedToken, seen, options.minValidityMs);
    })().finally(() => inFlight.delete(profile.id));
    inFlight.set(profile.id, work);
    return work;
  };

  const freshEntry: Refresher['freshEntry'] = async (profile, options = {}, known) => {
    const entry = known ?? (await deps.vault.read(profile.id));
    const { minValidityMs } = options;
    const decision = decideStoredToken(entry, deps.clock.now(), { minValidityMs });
    if (decision.action === 'use') return { ...entry, accessToken: decision.token };
    if (decision.action === 'not_signed_in') throw notSignedIn(entry);
    if (decision.action === 'expired' && decision.personal) throw expiredError(true);
    // Refresh, or mark an expired sign-in as such: both under the lock.
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
