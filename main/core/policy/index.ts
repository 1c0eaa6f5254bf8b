/**
 * Organisation policies deployed by IT: one list of keys, one parser for their values, the rules they
 * set, and the reader of each system's store (registry, managed preferences, the Linux file).
 */
export {
  clipboardClearSeconds,
  isServerAllowed,
  isServerListed,
  isSignInKindAllowed,
  managedProfileEntries,
  mergePolicies,
  parsePolicyValues,
  POLICY_KEYS,
} from './policy-values';
export type { ParsedPolicy, PolicyKey, PolicySource, PolicyValues } from './policy-values';
export { isTrustedPolicyFile, parsePolicyJson, parseRegQuery, POLICY_LOCATIONS } from './policy-stores';
export { readPolicies, realPolicySystem, watchPolicyStores } from './policy-reader';
export type { Policies, PolicySystem } from './policy-reader';
