/**
 * Whether this copy of Token Tray may check for and install updates by itself, decided from
 * plain facts the shell gathers (platform, how it was installed, signature, rights, settings).
 * When it may not, the answer carries one plain sentence and how to update instead.
 */

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
      message: string;
      howToUpdate: string;
    };

const flag = (value: string | undefined): boolean => value === '1' || value?.toLowerCase() === 'true';

/** Decides whether the app updates itself. */
export function updateSupport(facts: UpdateFacts): UpdateSupport {
  const where = facts.downloadUrl ? ` from ${facts.downloadUrl}` : ' from the Token Tray releases page';
  const off = (reason: 'turned-off' | 'development' | 'cannot-self-update', message: string, howToUpdate: string) =>
    ({ enabled: false, reason, message, howToUpdate }) as const;
  if (facts.managed?.updates === false || flag(facts.env[disableUpdatesEnv])) {
    return off(
      'turned-off',
      'Updates are turned off on this computer by your organisation.',
      'Ask your IT team for the new version.',
    );
  }
  switch (facts.install) {
    case 'development':
      return off(
        'development',
        'This is a development copy of Token Tray, so it does not update itself.',
        'Pull the latest code and run it again.',
      );
    case 'portable':
      return off(
        'cannot-self-update',
        'This portable copy of Token Tray cannot update itself.',
        `Download the new version${where} and replace this file with it.`,
      );
    case 'unpacked':
      return off(
        'cannot-self-update',
        'This copy of Token Tray was not installed with an installer, so it cannot update itself.',
        `Install Token Tray with the installer${where}; it then keeps itself up to date.`,
      );
    case 'mac-app':
      if (facts.macSignature !== 'developer-id') {
        return off(
          'cannot-self-update',
          'This copy of Token Tray is not signed, and macOS only lets signed apps update themselves.',
          `Download the new version${where} and drag it into your Applications folder.`,
        );
      }
      break;
    default:
      break;
  }
  if (!facts.canWriteInstall) {
    return off(
      'cannot-self-update',
      'Token Tray cannot update itself because you do not have the rights to change where it is installed.',
      `Ask your IT team to install the new version, or download it${where}.`,
    );
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
