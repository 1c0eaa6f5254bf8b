/**
 * Whether this copy of Token Tray may check for and install updates by itself, decided from
 * plain facts the shell gathers (platform, how it was installed, signature, rights, settings).
 * When it may not, the answer names (by catalogue key) why and how to update instead.
 */
import type { MessageKey } from '../../i18n';

/** The environment variable that turns updates off for packaged fleets ("1" or "true"). */
export const disableUpdatesEnv = 'TOKEN_TRAY_DISABLE_UPDATES';

/** How the running copy was installed, as far as the updater cares. */
export type InstallKind = 'development' | 'nsis' | 'portable' | 'mac-app' | 'deb' | 'appimage' | 'unpacked';

/** What the macOS code signature says (from `codesign -dv`). */
export type MacSignature = 'developer-id' | 'adhoc' | 'unsigned';

/** The facts {@link updateSupport} decides from. */
export interface UpdateFacts {
  install: InstallKind;
  /** macOS only. */
  macSignature?: MacSignature;
  /** False when the user cannot replace the installed files (AppImage folder, read-only install). */
  canWriteInstall: boolean;
  env: Record<string, string | undefined>;
  /** The organisation's managed settings (the sign-in-once issue adds them); `updates: false` turns updates off. */
  managed?: { updates?: boolean };
  /** Where people download installers by hand, when known. */
  downloadUrl?: string;
}

/** The decision: updates on, or off with the reason and what to do instead. */
export type UpdateSupport =
  | { enabled: true }
  | {
      enabled: false;
      reason: 'turned-off' | 'development' | 'cannot-self-update';
      /** Why, and how to update instead: keys of the app catalogue (`{where}` is where to download). */
      message: UpdateWordKey;
      howToUpdate: UpdateWordKey;
      /** Where people download installers by hand, when known (else the releases page is named). */
      downloadUrl?: string;
    };

/** A key of the app catalogue's update words. */
export type UpdateWordKey = Extract<MessageKey, `app.update.${string}`>;

const flag = (value: string | undefined): boolean => value === '1' || value?.toLowerCase() === 'true';

/** Decides whether the app updates itself. */
export function updateSupport(facts: UpdateFacts): UpdateSupport {
  const off = (
    reason: 'turned-off' | 'development' | 'cannot-self-update',
    message: UpdateWordKey,
    howToUpdate: UpdateWordKey,
  ) =>
    ({
      enabled: false,
      reason,
      message,
      howToUpdate,
      ...(facts.downloadUrl ? { downloadUrl: facts.downloadUrl } : {}),
    }) as const;
  if (facts.managed?.updates === false || flag(facts.env[disableUpdatesEnv])) {
    return off('turned-off', 'app.update.off.turned_off', 'app.update.off.turned_off.how');
  }
  switch (facts.install) {
    case 'development':
      return off('development', 'app.update.off.development', 'app.update.off.development.how');
    case 'portable':
      return off('cannot-self-update', 'app.update.off.portable', 'app.update.off.portable.how');
    case 'unpacked':
      return off('cannot-self-update', 'app.update.off.unpacked', 'app.update.off.unpacked.how');
    case 'mac-app':
      if (facts.macSignature !== 'developer-id') {
        return off('cannot-self-update', 'app.update.off.unsigned', 'app.update.off.unsigned.how');
      }
      break;
    default:
      break;
  }
  if (!facts.canWriteInstall) {
    return off('cannot-self-update', 'app.update.off.no_rights', 'app.update.off.no_rights.how');
  }
  return { enabled: true };
}

/** Reads `codesign -dv` output (it writes to stderr) into a {@link MacSignature}. */
export function macSignatureFromCodesign(output: string): MacSignature {
  if (/code object is not signed/i.test(output)) return 'unsigned';
  if (/Signature=adhoc/i.test(output)) return 'adhoc';
  const team = /^TeamIdentifier=(.+)$/m.exec(output)?.[1]?.trim();
  if (/^Authority=Developer ID Application/m.test(output) && team && team !== 'not set') return 'developer-id';
  return 'unsigned';
}
