/**
 * The secret clipboard over Electron's clipboard, with the notification
 * "Token copied — clears in 60 s" after every secret copy.
 */
import { clipboard } from 'electron';
import { copiedNotice, createSecretClipboard, type SecretClipboard } from '../desktop';
import { notify } from './notifications';
import type { Translator } from '../i18n';

/** Builds the app's {@link SecretClipboard}; the delay is read from the preferences at each copy. */
export function createAppClipboard(clearAfterSeconds: () => number, say: () => Translator): SecretClipboard {
  return createSecretClipboard(
    { writeText: (text) => clipboard.writeText(text), readText: () => clipboard.readText() },
    { clearAfterSeconds, onSecretCopied: (seconds) => notify('Token Tray', copiedNotice(seconds, say())) },
  );
}
