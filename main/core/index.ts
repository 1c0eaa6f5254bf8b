/**
 * Core's front door: the product logic that main/desktop, main/shell, main/ipc and main/cli may use.
 * Re-exports only; each name comes from the folder that owns it.
 */
export type { EnginePorts, SecretStore, SettingsFile, FetchLike, Clock, LogSink } from './ports';
export * from './errors';
export * from './setup';
export * from './policy';
export { createKeyedQueue, writeFileAtomic, type KeyedQueue } from './files';
export {
  HTTP_METHODS,
  nextProfileColor,
  PROFILE_COLORS,
  REDIRECT_MODES,
  SIGN_IN_KIND_WORDS,
  SIGN_IN_KINDS,
  THEMES,
  TOKEN_FORMATS,
} from './model';
export { createTokenEngine, PAT_SIGN_OUT_NOTE } from './engine';
export type {
  ApiEndpoint,
  ApiRequest,
  ApiResponse,
  EngineEvent,
  FreshToken,
  GrantKind,
  InstanceCheck,
  NewProfileInput,
  PendingSignIn,
  Profile,
  ProfilePatch,
  ProfileStatus,
  ProfileView,
  RedirectMode,
  SetupPreview,
  TokenFormat,
  TokenClaims,
  TokenDetails,
  TokenEngine,
  UserInfo,
} from './model';
export {
  createSettingsFile,
  defaultConfigDir,
  INSTANCE_CHECK_ERRORS,
  isLoopbackHost,
  maskToken,
  normaliseInstanceUrl,
  PRODUCT_NAME,
  SETTINGS_SCHEMA_VERSION,
  storedProfileProblem,
  UNSAFE_TEXT_CHARS,
} from './profiles';
export {
  createKeytarSecretStore,
  isKeychainTimeout,
  KEYCHAIN_SERVICE,
  withKeychainTimeLimit,
  keychainService,
  decideStoredToken,
  decodeJwtClaims,
  jwtExpiresAt,
  MIN_RENEWAL_INTERVAL_MS,
  MIN_VALIDITY_MS,
  parseVaultItem,
  type TokenDecision,
} from './tokens';
export {
  APP_REDIRECT_URI,
  cleanPastedToken,
  CLIENT_CHECK_ERRORS,
  DEFAULT_SIGN_IN_TIMEOUT_MS,
  LINK_SCHEME,
  LOOPBACK_REDIRECT_BASE,
  parseCallbackUrl,
  type CallbackResult,
} from './oauth';
export {
  fetchApiEndpoints,
  guardedFetch,
  lookupUser,
  readJsonBody,
  runApiRequest,
  shellQuote,
  formatToken,
  toCurl,
  type RunnerContext,
} from './api';
export { createLogger, redactLogData, redactSecrets, type Logger } from './log';
