/**
 * Applies the app-wide preferences to the desktop: launch at login, the copy
 * shortcut and the theme. Tells the user plainly when a shortcut is taken.
 */
import { nativeTheme } from 'electron';
import type { AppPreferences } from '../contract/ipc';
import type { LogSink } from '../core';
import { setLaunchAtLogin } from './login-item';
import type { CopyShortcut } from './shortcut';
import type { Translator } from '../i18n';

/** Returns a function to call with each new set of preferences (the first call sets things up). */
export function createPreferencesEffects(
  shortcut: CopyShortcut,
  notify: (title: string, body: string) => void,
  log: LogSink,
  say: () => Translator,
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
        notify(say().t('app.notify.autostart_failed'), say().t('app.notify.autostart_failed.body'));
      }
    }
    if (!shortcut.set(prefs.copyShortcut) && prefs.copyShortcut) {
      notify(
        say().t('app.notify.shortcut_taken'),
        say().t('app.notify.shortcut_taken.body', { shortcut: prefs.copyShortcut }),
      );
    }
    previous = prefs;
  };
}
