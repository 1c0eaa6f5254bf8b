/**
 * Copying secrets to the clipboard: the copy happens in main, and after a
 * delay the clipboard is cleared, but only if it still holds what we wrote
 * (the user may have copied something else since; that is theirs to keep).
 * Electron-free: the shell passes Electron's clipboard as the port.
 */
import { english, type Translator } from '../i18n';

/** The two clipboard operations we need; Electron's clipboard (async since v45) and a plain in-memory one both fit. */
export interface ClipboardPort {
  writeText(text: string): void | Promise<void>;
  readText(): string | Promise<string>;
}

/** Timer functions, replaceable in tests. */
export interface TimerPort {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options for {@link createSecretClipboard}. */
export interface SecretClipboardOptions {
  /** Seconds before a copied secret is cleared; read at each copy. 0 = never. */
  clearAfterSeconds(): number;
  timers?: TimerPort;
  /** Called after a secret was copied (the shell shows "Token copied — clears in 60 s"). */
  onSecretCopied?(clearsInSeconds: number): void;
}

/** "Token copied — clears in 60 s" (or "Token copied" when it is never cleared), in the translator's language. */
export function copiedNotice(clearsInSeconds: number, say: Translator = english): string {
  return say.t('app.notify.copied', { seconds: Math.max(0, clearsInSeconds) });
}

/** Clipboard that forgets secrets after a while. */
export interface SecretClipboard {
  /** Copies a secret; resolves with how many seconds until it is cleared (0 = never). */
  copySecret(secret: string): Promise<{ clearsInSeconds: number }>;
  /** Copies non-secret text; it is never cleared. */
  copyText(text: string): Promise<void>;
  /** Clears the clipboard now if it still holds our secret, and stops the timer (call on quit). */
  dispose(): Promise<void>;
}

const nodeTimers: TimerPort = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    // A pending clear must not keep a CLI or test process alive.
    handle.unref?.();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/** The longest delay timers accept without overflowing (about 24.8 days). */
const maxDelayMs = 2_147_483_647;

/** Builds a {@link SecretClipboard} over a clipboard port. */
export function createSecretClipboard(port: ClipboardPort, options: SecretClipboardOptions): SecretClipboard {
  const timers = options.timers ?? nodeTimers;
  let pending: { handle: unknown; secret: string } | null = null;

  async function clearIfOurs(secret: string): Promise<void> {
    // Only wipe what we wrote: a later copy by the user is left alone.
    if ((await port.readText()) === secret) await port.writeText('');
  }

  function stopTimer(): void {
    if (pending) timers.clearTimeout(pending.handle);
    pending = null;
  }

  return {
    async copySecret(secret) {
      stopTimer();
      await port.writeText(secret);
      const seconds = Math.max(0, Math.floor(options.clearAfterSeconds()));
      if (seconds > 0) {
        const handle = timers.setTimeout(
          () => {
            pending = null;
            void clearIfOurs(secret).catch(() => undefined);
          },
          Math.min(seconds * 1000, maxDelayMs),
        );
        pending = { handle, secret };
      }
      options.onSecretCopied?.(seconds);
      return { clearsInSeconds: seconds };
    },
    async copyText(text) {
      await port.writeText(text);
    },
    async dispose() {
      const current = pending;
      stopTimer();
      if (current) await clearIfOurs(current.secret);
    },
  };
}
