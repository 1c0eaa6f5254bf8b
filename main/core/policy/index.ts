/**
 * Organisation policies deployed by IT: one list of keys, one parser for their values, the rule for
 * allowed servers, and the three stores' raw forms (registry output, plist JSON, the Linux file).
 */
export {
  clipboardClearSeconds,
  isServerAllowed,
  isSignInKindAllowed,
  managedProfileEntries,
  mergePolicies,
  parsePolicyValues,
  POLICY_KEYS,
} from './policy-values';
export type { ParsedPolicy, PolicyKey, PolicySource, PolicyValues } from './policy-values';
export { isTrustedPolicyFile, parsePolicyJson, parseRegQuery, POLICY_LOCATIONS } from './policy-stores';
