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
import { isErrorCode } from '../errors';
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
  const settings = createSettingsStore(ports.settings ?? createSettingsFile(ports.configDir, log), log);
  const vault = createCachedVault(ports.secrets, ports.configDir);
  const listeners = new Set<(event: EngineEvent) => void>();
  const clock = ports.clock ?? { now: () => Date.now() };
  return {
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
      return toProfileView(profile, entry, settings.load().activeProfileId);
    },
  };
}
