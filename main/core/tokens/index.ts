/**
 * Where tokens live and what they say: the vault over the keychain, JWT claims,
 * the keytar secret store with its time limit, and the one rule for whether a stored token is usable.
 */
export { createCachedVault, type CachedVaultOptions } from './cached-vault';
export { decodeJwtClaims, jwtExpiresAt } from './jwt';
export { isKeychainTimeout, KEYCHAIN_TIME_LIMIT_MS, withKeychainTimeLimit } from './keychain-time-limit';
export { createKeytarSecretStore, KEYCHAIN_SERVICE, keychainService } from './keytar-secret-store';
export { bumpVaultGeneration, readVaultGeneration, vaultGenerationPath } from './vault-generation';
export {
  decideStoredToken,
  MIN_RENEWAL_INTERVAL_MS,
  MIN_VALIDITY_MS,
  minValidityMs,
  RENEWAL_LEAD_MS,
  renewalDueAt,
  renewalLeadMs,
} from './usable-token';
export type { TokenDecision } from './usable-token';
export { parseVaultItem, withTokens, withoutTokens } from './vault';
export type { TokenSet, Vault, VaultEntry } from './vault';
