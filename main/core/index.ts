/**
 * Core's public API. The shell, the IPC handlers and the CLI import from here
 * only. Wiring, no logic.
 */
export * from './engine-types';
export * from './errors';
export type { EnginePorts, SecretStore, SettingsFile, FetchLike, Clock, LogSink } from './ports';
export { createTokenEngine, PAT_SIGN_OUT_NOTE } from './token-engine';
export { defaultConfigDir, PRODUCT_NAME } from './config-dir';
export { createKeytarSecretStore } from './keytar-secret-store';
export { createConfSettingsFile } from './settings-file';
export { normaliseInstanceUrl, isLoopbackHost } from './instance-url';
export { parseCallbackUrl, APP_REDIRECT_URI, LOOPBACK_REDIRECT_BASE, type CallbackResult } from './callback-url';
export { cleanPastedToken } from './personal-token';
export { MIN_VALIDITY_MS } from './refresh';
export { DEFAULT_SIGN_IN_TIMEOUT_MS } from './sign-in-flows';
export { maskToken } from './profile-view';
export { decodeJwtClaims, jwtExpiresAt } from './jwt';
export { guardedFetch, readJsonBody } from './http';
export { runApiRequest, type RunnerContext } from './request-runner';
export { lookupUser } from './whoami';
export { fetchApiEndpoints } from './openapi';
export { toCurl, shellQuote } from './curl';
export { createHistoryStore, type HistoryStore } from './history';
export { createLogger, redactSecrets, type Logger } from './logger';
export { createPreferencesStore, defaultPreferences, type PreferencesStore } from './preferences';
export { createSecretClipboard, type SecretClipboard, type ClipboardPort } from './secret-clipboard';
