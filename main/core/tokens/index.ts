/**
 * Where tokens live and what they say: the vault over the keychain, JWT claims,
 * and the keytar secret store.
 */
export { createCachedVault } from './cached-vault';
export { decodeJwtClaims, jwtExpiresAt } from './jwt';
export { createKeytarSecretStore } from './keytar-secret-store';
export { bumpVaultGeneration, readVaultGeneration, vaultGenerationPath } from './vault-generation';
export { withTokens, withoutTokens } from './vault';
export type { TokenSet, Vault, VaultEntry } from './vault';
