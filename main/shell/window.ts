/**
 * The app's one window: created on demand, shown when ready, hidden (not
 * closed) when the user closes it, with the security rules from
 * security-policy.ts applied to every page and link.
 */
import { app, BrowserWindow, nativeTheme, shell, type WebContents } from 'electron';
import { eventChannel, type AppEvent } from '../contract/ipc';
import { APP_INDEX_URL, decideWindowOpen, isAllowedNavigation, windowSecurityOptions } from './security-policy';

/** The window's controls for the rest of the shell. */
export interface WindowManager {
  /** Creates the window if needed, shows and focuses it; `view` is pushed to the page once it has loaded. */
  show(view?: Extract<AppEvent, { type: 'show' }>): void;
  hide(): void;
  /** The window's webContents, or null when there is no window. */
  contents(): WebContents | null;
  /** The window itself (a dialog's parent), or null when there is none. */
  window(): BrowserWindow | null;
  isVisible(): boolean;
  /** Lets the window really close (on quit). */
  allowClose(): void;
}

/** Options for {@link createWindowManager}. */
export interface WindowOptions {
  preload: string;
  /** macOS: the Dock icon is shown only while the window is visible. */
  setDockVisible(visible: boolean): void;
  onCreated?(window: BrowserWindow): void;
}

/** Builds the {@link WindowManager}. */
export function createWindowManager(options: WindowOptions): WindowManager {
  let window: BrowserWindow | null = null;
  let loaded = false;
  let quitting = false;
  let pendingView: Extract<AppEvent, { type: 'show' }> | null = null;

  function sendPendingView(): void {
    if (window && loaded && pendingView) {
      window.webContents.send(eventChannel, pendingView);
      pendingView = null;
    }
  }

  function create(): BrowserWindow {
    const win = new BrowserWindow({
      width: 1080,
      height: 760,
      minWidth: 640,
      minHeight: 480,
      show: false,
      title: 'Token Tray',
      autoHideMenuBar: true,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#ffffff',
      webPreferences: windowSecurityOptions(options.preload),
    });
    const contents = win.webContents;
    contents.setWindowOpenHandler(({ url }) => {
      const decision = decideWindowOpen(url);
      if (decision.openExternally) void shell.openExternal(decision.openExternally);
      return { action: decision.action };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('did-finish-load', () => {
      loaded = true;
      sendPendingView();
    });
    win.once('ready-to-show', () => {
      win.show();
      options.setDockVisible(true);
    });
    win.on('close', (event) => {
      if (quitting) return;
      // Closing only hides: the app lives in the tray.
      event.preventDefault();
      win.hide();
    });
    win.on('hide', () => options.setDockVisible(false));
    win.on('show', () => options.setDockVisible(true));
    win.on('closed', () => {
      window = null;
      loaded = false;
    });
    void win.loadURL(APP_INDEX_URL);
    options.onCreated?.(win);
    return win;
  }

  return {
    show(view) {
      if (view) pendingView = view;
      if (!window) {
        window = create();
        return;
      }
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
      if (process.platform === 'darwin') app.focus({ steal: true });
      sendPendingView();
    },
    hide: () => window?.hide(),
    contents: () => (window && !window.isDestroyed() ? window.webContents : null),
    window: () => (window && !window.isDestroyed() ? window : null),
    isVisible: () => Boolean(window?.isVisible()),
    allowClose() {
      quitting = true;
    },
  };
}
