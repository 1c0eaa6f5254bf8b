/**
 * Applies the app-wide preferences to the desktop: launch at login, the copy
 * shortcut and the theme. Tells the user plainly when a shortcut is taken.
 */
import { nativeTheme } from 'electron';
import type { AppPreferences } from '../contract/ipc';
import type { LogSink } from '../core';
import { setLaunchAtLogin } from './login-item';
import type { CopyShortcut } from './shortcut';

/** Returns a function to call with each new set of preferences (the first call sets things up). */
export function createPreferencesEffects(
  shortcut: CopyShortcut,
  notify: (title: string, body: string) => void,
  log: LogSink,
) {
  let previous: AppPreferences | null = null;
  return (prefs: AppPreferences): void => {
    nativeTheme.themeSource = prefs.theme;
    // Touch login items only when the choice changes (or is on at start), never on every launch.
    if (previous ? previous.launchAtLogin !== prefs.launchAtLogin : prefs.launchAtLogin) {
      try {
        setLaunchAtLogin(prefs.launchAtLogin);
      } catch (err) {
        log.error(`Launch at login could not be changed: ${err instanceof Error ? err.message : String(err)}`);
        notify(
          'Launch at login',
          'Token Tray could not change whether it starts when you log in. Try the setting again in Settings; if it still fails, add Token Tray to your computer’s startup apps yourself.',
        );
      }
    }
    if (!shortcut.set(prefs.copyShortcut) && prefs.copyShortcut) {
      notify(
        'Shortcut not available',
        `${prefs.copyShortcut} is already used by another app. Choose another shortcut in Settings.`,
      );
    }
    previous = prefs;
  };
}
