/**
 * The shared state one engine instance works with: validated settings, the
 * vault, the guarded fetch, the clock, events. Built once by createTokenEngine
 * and passed to the engine's parts.
 */
import { createCachedVault } from '../tokens';
import type { Vault, VaultEntry } from '../tokens';
import { withFileLock } from './file-lock';
import { refreshLockPath } from './refresh';
import type { EngineEvent, Profile, ProfileView } from '../model';
import { guardedFetch } from '../api';
import { isErrorCode, type UserError } from '../errors';
import { createLogger, type Logger } from '../log';
import type { Clock, EnginePorts, FetchLike } from '../ports';
import { requireProfile } from '../profiles';
import { toProfileView } from '../profiles';
import { createSettingsFile } from '../profiles';
import { createSettingsStore, type SettingsStore } from '../profiles';

/** Engine internals shared by its parts. */
export interface EngineContext {
  ports: EnginePorts;
  settings: SettingsStore;
  vault: Vault;
  /** Guarded fetch (typed transport errors, 30 s limit) for core's own calls. */
  fetch: FetchLike;
  clock: Clock;
  log: Logger;
  emit(event: EngineEvent): void;
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /** Drops every listener (engine shutdown). */
  removeAllListeners(): void;
  /** The profile with this id or name (throws not_found). */
  profile(idOrName: string): Profile;
  /**
   * Why each profile's last renewal failed, until one succeeds or the profile signs in or out again
   * (memory only: it describes this run of the app, not the stored tokens).
   */
  renewalErrors: Map<string, { error: UserError; at: number }>;
  /** The profile as shown; its status is `keychain_unavailable` when the keychain cannot be read. */
  view(profile: Profile): Promise<ProfileView>;
  /**
   * Changes a profile's keychain item under its lock file, so a refresh in
   * another process cannot be overwritten with older tokens.
   */
  updateVault(profileId: string, change: (entry: VaultEntry) => VaultEntry): Promise<VaultEntry>;
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Builds the context from the ports. */
export function createEngineContext(ports: EnginePorts): EngineContext {
  const log = createLogger(ports.log ?? silent);
  const settings = createSettingsStore(
    ports.settings ?? createSettingsFile(ports.configDir, log),
    log,
    (instanceUrl) => ports.isServerAllowed?.(instanceUrl) ?? true,
  );
  const vault = createCachedVault(ports.secrets, ports.configDir);
  const listeners = new Set<(event: EngineEvent) => void>();
  const clock = ports.clock ?? { now: () => Date.now() };
  const renewalErrors = new Map<string, { error: UserError; at: number }>();
  /** The failure still says something only while no newer token was stored (by this process or another). */
  const renewalError = (profileId: string, entry: VaultEntry | null): UserError | null => {
    const failure = renewalErrors.get(profileId);
    if (!failure || (typeof entry?.obtainedAt === 'number' && entry.obtainedAt > failure.at)) return null;
    return failure.error;
  };
  return {
    renewalErrors,
    ports,
    settings,
    vault,
    fetch: guardedFetch(ports.fetch),
    clock,
    log,
    emit(event) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // A listener's failure must not break the engine.
        }
      }
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    removeAllListeners() {
      listeners.clear();
    },
    profile(idOrName) {
      return requireProfile(settings.load(), idOrName);
    },
    updateVault(profileId, change) {
      return withFileLock(refreshLockPath(ports.configDir, profileId), () => vault.update(profileId, change));
    },
    async view(profile) {
      // Without the keychain a profile is still shown, from its settings, as "keychain unavailable".
      const entry = await vault.read(profile.id).catch((err: unknown) => {
        if (isErrorCode(err, 'keychain_unavailable')) return null;
        throw err;
      });
      return toProfileView(profile, entry, settings.load().activeProfileId, renewalError(profile.id, entry));
    },
  };
}
