/**
 * Electron-free app behaviour: the tray-menu model, deep-link routing, the secret clipboard,
 * preferences, console history, start-up decisions, updates, background renewal, the organisation's
 * policies and profiles, and the actions the tray and the window share.
 */
export { createAppActions } from './actions';
export type { AppActions } from './actions';
export { autostartDesktopEntry, autostartFile, setLinuxAutostart } from './autostart';
export {
  createDeepLinkQueue,
  extractCallbackUrls,
  extractSetupFiles,
  maxQueuedLinks,
  routeDeepLink,
} from './deep-link-router';
export type { DeepLinkRoute } from './deep-link-router';
export { wireDeepLinks } from './deep-links';
export type { DeepLinkAppPort } from './deep-links';
export { createHistoryStore, historyLimit } from './history';
export type { HistoryStore } from './history';
export {
  createPreferencesStore,
  defaultPreferences,
  describePreferenceProblem,
  isValidAccelerator,
  preferencesPatchSchema,
  sanitizePreferences,
} from './preferences';
export type { PreferencesStore } from './preferences';
export { createAppLanguage } from './language';
export { applyOrganizationProfiles, startOrganizationPolicies, watchLanguage } from './organization';
export type { OrganizationPolicies, PolicyStorePort } from './organization';
export { saveChosenFile } from './save-file';
export type { AppLanguage, LanguageSources } from './language';
export { copiedNotice, createSecretClipboard } from './secret-clipboard';
export type { ClipboardPort, SecretClipboard, SecretClipboardOptions, TimerPort } from './secret-clipboard';
export { appFiles } from './app-files';
export {
  administratorScript,
  bundledPmtoken,
  installPmtokenCommand,
  linkCommand,
  osascriptRunner,
  pmtokenLinkPath,
  shellQuote,
} from './pmtoken-command';
export type { PmtokenCommandOutcome, PrivilegedOutcome, RunPrivileged } from './pmtoken-command';
export { protocolClientCall } from './protocol-client';
export { trayIconFile } from './tray-icon';
export { buildTrayMenu, buildTrayTooltip, formatDuration, parseMenuId, statusLine } from './tray-menu';
export type { MenuAction, MenuItemTemplate } from './tray-menu';
export { coalesce } from './coalesce';
export {
  applyUpdaterSettings,
  channelOf,
  classifyUpdateError,
  createSignInTracker,
  createUpdateController,
  defaultUpdateSchedule,
  describeUpdate,
  noUpdaterState,
  updateStatus,
  disableUpdatesEnv,
  macSignatureFromCodesign,
  updaterSettings,
  updateSupport,
} from './updates';
export type {
  InstallKind,
  MacSignature,
  RestartOutcome,
  SignInTracker,
  UpdateController,
  UpdateFacts,
  UpdateState,
  UpdateSupport,
  UpdaterEvent,
  UpdaterPort,
  UpdaterSettings,
  UpdaterSettingsTarget,
  UpdateWords,
} from './updates';
export { createRenewalScheduler, createSessionNotices } from './renewal';
export type { RenewalScheduler, SchedulerTimers, SessionNotices } from './renewal';
