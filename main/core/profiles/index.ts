/**
 * The profiles a person keeps: instance-address rules, the instance check, the registry,
 * and the settings file with its schema (atomic writes, a damaged file set aside).
 */
export { PRODUCT_NAME, defaultConfigDir } from './config-dir';
export { checkInstance, INSTANCE_CHECK_ERRORS, type InstanceCheckOptions } from './instance-check';
export { HOST_SCRIPT_KINDS, hostScript } from './host-script';
export type { HostScript, HostScriptKind } from './host-script';
export { ADDRESS_ERRORS, isLoopbackHost, normaliseInstanceUrl } from './instance-url';
export {
  addProfileSettings,
  duplicateProfileSettings,
  rememberUsername,
  removeProfileSettings,
  requireProfile,
  setActiveProfileSettings,
  updateProfileSettings,
} from './profile-registry';
export { maskToken, toProfileView, toTokenDetails } from './profile-view';
export { backupCorruptFile, createSettingsFile } from './settings-file';
export {
  PROFILE_NAME_MAX,
  UNSAFE_TEXT_CHARS,
  nameLookalikeKey,
  nameProblem,
  printableName,
  storedProfileProblem,
} from './profile-check';
export { SETTINGS_SCHEMA_VERSION, toStoredProfile } from './settings-schema';
export { createSettingsStore, setAsideNotes, setAsideReasons } from './settings-store';
export type { SettingsStore } from './settings-store';
export type { Settings } from './settings-schema';
