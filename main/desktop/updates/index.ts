/**
 * Updates inside the app, without Electron: whether this copy may update itself, when to check,
 * what to show, when it may restart, and the settings handed to electron-updater.
 */
export { createSignInTracker } from './sign-in-tracker';
export type { SignInTracker } from './sign-in-tracker';
export { createUpdateController, defaultUpdateSchedule } from './update-controller';
export type {
  RestartOutcome,
  UpdateController,
  UpdateControllerDeps,
  UpdateSchedule,
  UpdaterEvent,
  UpdaterPort,
} from './update-controller';
export { classifyUpdateError, describeUpdate, noUpdaterState, updateStatus } from './update-state';
export type { UpdateState, UpdateWords } from './update-state';
export { disableUpdatesEnv, macSignatureFromCodesign, updateSupport } from './update-support';
export type { InstallKind, MacSignature, UpdateFacts, UpdateSupport } from './update-support';
export { applyUpdaterSettings, channelOf, updaterSettings } from './updater-settings';
export type { UpdaterSettings, UpdaterSettingsTarget } from './updater-settings';
