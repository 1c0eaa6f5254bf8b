/**
 * Setup links and files, made by whoever set Token Tray up once: one parser and one writer for both,
 * so a colleague's profile arrives complete and they type only their own ProcessMaker sign-in.
 */
export {
  parseSetup,
  planSetup,
  readSetupFile,
  SETUP_FIELDS,
  SETUP_FILE_EXTENSION,
  SETUP_MAX_CHARS,
  SETUP_VERSION,
  setupFile,
  setupFileName,
  setupLink,
} from './setup-format';
export type { ParseSetupOptions, SetupPlan, SetupProfile, SetupSource } from './setup-format';
