/**
 * Start-up order and the app's life: the single-instance lock first, the URL
 * scheme registration (development form when run as `electron .`), macOS
 * menu-bar behaviour, staying alive with no window, and tidy quitting.
 */
import { app } from 'electron';
import { LINK_SCHEME } from '../core';
import { protocolClientCall } from '../desktop';

/** Takes the single-instance lock; false means another Token Tray runs (this one quits). */
export function takeSingleInstanceLock(): boolean {
  if (app.requestSingleInstanceLock()) return true;
  app.quit();
  return false;
}

/** Registers `pmtokentray://` with the OS (packaged: the app; development: electron + app path). */
export function registerUrlScheme(): boolean {
  const call = protocolClientCall(LINK_SCHEME, Boolean(process.defaultApp), process.execPath, process.argv);
  if (!call) return false;
  return call.length === 1
    ? app.setAsDefaultProtocolClient(call[0])
    : app.setAsDefaultProtocolClient(call[0], call[1], call[2]);
}

/** macOS: the Dock icon only while the window is visible (LSUIElement hides it when packaged). */
export function setDockVisible(visible: boolean): void {
  if (process.platform !== 'darwin' || !app.dock) return;
  if (visible) void app.dock.show();
  else app.dock.hide();
}

/** Keeps the app in the tray when its window closes, and runs `cleanup` once before quitting. */
export function manageLifecycle(cleanup: () => Promise<void>): void {
  app.on('window-all-closed', () => {
    // A tray app keeps running with no window; Quit is in the tray menu.
  });
  let cleaned = false;
  app.on('before-quit', (event) => {
    if (cleaned) return;
    event.preventDefault();
    cleaned = true;
    void cleanup().finally(() => app.quit());
  });
}
