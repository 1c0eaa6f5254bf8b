/**
 * The optional global shortcut that copies the active profile's token (off by
 * default; the user chooses the accelerator in Settings).
 */
import { globalShortcut } from 'electron';

/** Keeps at most one registered shortcut. */
export interface CopyShortcut {
  /** Registers `accelerator` (null turns it off). Returns false when another app holds it. */
  set(accelerator: string | null): boolean;
  dispose(): void;
}

/** Builds the {@link CopyShortcut}; `onPress` copies the active token. */
export function createCopyShortcut(onPress: () => void): CopyShortcut {
  let current: string | null = null;
  const release = () => {
    if (current) globalShortcut.unregister(current);
    current = null;
  };
  return {
    set(accelerator) {
      if (accelerator === current) return true;
      release();
      if (!accelerator) return true;
      let ok = false;
      try {
        ok = globalShortcut.register(accelerator, onPress);
      } catch {
        ok = false;
      }
      if (ok) current = accelerator;
      return ok;
    },
    dispose: release,
  };
}
