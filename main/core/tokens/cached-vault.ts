/**
 * A {@link Vault} that keeps each profile's entry in memory, so a valid token
 * costs no keychain read. It stays coherent across processes (the tray app
 * and `pmtoken` share the keychain item) through the profile's generation
 * file: a copy is served only while the nonce read before filling it is still
 * on disk, and every write here replaces the nonce after the keychain write.
 * A missing or damaged generation file means "ask the keychain".
 *
 * Kept for the console: `npm run bench` (2 December 2026) shows freshToken
 * within its 1.5x goal without this cache (1.10x a bare keychain read), but
 * every console GET would pay a keychain round trip: 2.9x a bare fetch
 * instead of 1.14-1.20x, against a 1.15x goal.
 */
import { createKeyedQueue } from '../files';
import type { SecretStore } from '../ports';
import { withKeychainTimeLimit } from './keychain-time-limit';
import { bumpVaultGeneration, dropVaultGeneration, readVaultGeneration } from './vault-generation';
import { parseVaultItem, vaultEntrySchema, type Vault, type VaultEntry } from './vault';

interface CachedEntry {
  /** The generation nonce read before the keychain was read (or written). */
  nonce: string;
  entry: VaultEntry;
}

/** Options for {@link createCachedVault}. */
export interface CachedVaultOptions {
  /** How long one keychain call may take (default 30 s, KEYCHAIN_TIME_LIMIT_MS). */
  keychainTimeLimitMs?: number;
}

/**
 * Builds the caching {@link Vault}; `configDir` holds the generation files. Every call to `store`
 * ends within the keychain time limit.
 */
export function createCachedVault(store: SecretStore, configDir: string, options: CachedVaultOptions = {}): Vault {
  const secrets = withKeychainTimeLimit(store, options.keychainTimeLimitMs);
  const cache = new Map<string, CachedEntry>();
  const writing = createKeyedQueue();

  /** Runs one write of a profile's item after the previous one (so the last keychain write is the cached one). */
  const serial = <T>(profileId: string, work: () => Promise<T>): Promise<T> => writing.run(profileId, work);

  const readKeychain = async (profileId: string): Promise<VaultEntry> => {
    // The nonce first: a write landing after it replaces the nonce, so this copy is refilled next time.
    const nonce = readVaultGeneration(configDir, profileId) ?? bumpVaultGeneration(configDir, profileId);
    const entry = parseVaultItem(await secrets.get(profileId));
    if (nonce === null) cache.delete(profileId);
    else cache.set(profileId, { nonce, entry });
    return structuredClone(entry);
  };

  const read: Vault['read'] = async (profileId, options) => {
    const hit = options?.fresh ? undefined : cache.get(profileId);
    if (hit && readVaultGeneration(configDir, profileId) === hit.nonce) return structuredClone(hit.entry);
    return readKeychain(profileId);
  };

  const write: Vault['write'] = (profileId, entry) =>
    serial(profileId, async () => {
      const parsed = vaultEntrySchema.parse(entry);
      cache.delete(profileId);
      let stored = false;
      try {
        await secrets.set(profileId, JSON.stringify(parsed));
        stored = true;
      } finally {
        // Even after a failed write: the item may have changed, so nobody should trust an old copy.
        const nonce = bumpVaultGeneration(configDir, profileId);
        if (stored && nonce !== null) cache.set(profileId, { nonce, entry: structuredClone(parsed) });
        else cache.delete(profileId);
      }
    });

  return {
    read,
    write,
    async update(profileId, change) {
      const next = change(await read(profileId));
      await write(profileId, next);
      return next;
    },
    remove: (profileId) =>
      serial(profileId, async () => {
        cache.delete(profileId);
        try {
          await secrets.delete(profileId);
        } finally {
          dropVaultGeneration(configDir, profileId);
          cache.delete(profileId);
        }
      }),
  };
}
