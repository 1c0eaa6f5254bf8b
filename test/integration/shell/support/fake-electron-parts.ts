/**
 * The pieces of the Electron stand-in (see fake-electron.ts): the app,
 * windows, tray, clipboard and friends, recording what the shell asks.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';

export type Fn = (...args: unknown[]) => unknown;
export const calls: Array<[string, ...unknown[]]> = [];
export const record = (name: string, ...args: unknown[]) => void calls.push([name, ...args]);
export const notifications: Array<{ title: string; body: string }> = [];
export const opened: string[] = [];
export const ipcHandlers = new Map<string, Fn>();
/** Registered global shortcuts and what they run. */
export const shortcuts = new Map<string, () => void>();

/** Mutable state the test reads and sets. */
export const state = {
  protocolHandler: null as ((request: Request) => Promise<Response>) | null,
  clipboardText: '',
};
let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  id = nextContentsId++;
  sent: unknown[] = [];
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  mainFrame = { url: '', parent: null };
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  isDestroyed() {
    return false;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static getAllWindows = () => FakeBrowserWindow.all;
  webContents = new FakeWebContents();
  visible = false;
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
    record('BrowserWindow', options);
  }
  async loadURL(url: string) {
    record('loadURL', url);
    this.webContents.mainFrame.url = url;
    setImmediate(() => {
      this.webContents.emit('did-finish-load');
      this.emit('ready-to-show');
    });
  }
  show() {
    this.visible = true;
    this.emit('show');
  }
  hide() {
    this.visible = false;
    this.emit('hide');
  }
  close() {
    record('BrowserWindow.close');
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.emit('closed');
  }
  isVisible = () => this.visible;
  isMinimized = () => false;
  restore() {}
  focus() {}
  isDestroyed = () => false;
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  dock = undefined;
  private paths = new Map<string, string>();
  private readyResolve: () => void = () => undefined;
  private readyPromise = new Promise<void>((resolve) => (this.readyResolve = resolve));
  private quitting = false;
  requestSingleInstanceLock() {
    record('requestSingleInstanceLock');
    return true;
  }
  setAsDefaultProtocolClient(...args: unknown[]) {
    record('setAsDefaultProtocolClient', ...args);
    return true;
  }
  whenReady() {
    return this.readyPromise;
  }
  markReady() {
    record('ready');
    this.readyResolve();
    this.emit('ready');
  }
  getPath(name: string) {
    return this.paths.get(name) ?? join(process.env.PMTOKEN_CONFIG_DIR ?? '/tmp', name === 'userData' ? '' : name);
  }
  setPath(name: string, value: string) {
    record('setPath', name, value);
    this.paths.set(name, value);
  }
  getVersion = () => '0.1.0';
  /** Electron's list of the system's preferred languages (empty on many Linux desktops, as here). */
  getPreferredSystemLanguages = (): string[] =>
    (process.env.FAKE_SYSTEM_LANGUAGES ?? '').split(',').filter((tag) => tag !== '');
  /** One process, this one, as Electron's ProcessMetric reports it (KB). */
  getAppMetrics = () => [
    { type: 'Browser', pid: process.pid, memory: { workingSetSize: Math.round(process.memoryUsage().rss / 1024) } },
  ];
  getName = () => 'Token Tray';
  getAppPath = () => process.cwd();
  setLoginItemSettings = (s: unknown) => record('setLoginItemSettings', s);
  focus() {}
  quit() {
    record('quit');
    if (this.quitting) return;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.quitting = true;
    setImmediate(() => process.exit(0));
  }
  exit(code: number) {
    record('exit', code);
    process.exit(code);
  }
}

export const app = new FakeApp();
const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' });
export class FakeTray extends EventEmitter {
  static last: FakeTray | null = null;
  image = '';
  tooltip = '';
  menu: unknown = null;
  constructor() {
    super();
    FakeTray.last = this;
  }
  setImage(image: string) {
    this.image = String(image);
  }
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setContextMenu(menu: unknown) {
    this.menu = menu;
  }
  destroy() {
    record('tray.destroy');
  }
}

const noop = () => undefined;

/**
 * safeStorage as the test asks: `basic_text` (Linux without a keyring: plain
 * text, which the shell must refuse), `encrypting` (real AES-GCM with a
 * per-process key), or unset (no encryption available).
 */
function fakeSafeStorage(mode: string | undefined) {
  const key = randomBytes(32);
  return {
    getSelectedStorageBackend: () => (mode === 'basic_text' ? 'basic_text' : 'gnome_libsecret'),
    isAsyncEncryptionAvailable: async () => mode === 'encrypting',
    encryptStringAsync: async (text: string) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptStringAsync: async (data: Buffer) => {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return {
        result: Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8'),
        shouldReEncrypt: false,
      };
    },
  };
}
const electron: Record<string, unknown> = {
  app,
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
  nativeImage: { createEmpty: () => ({}) },
  nativeTheme,
  powerMonitor: new EventEmitter(),
  clipboard: {
    readText: async () => state.clipboardText,
    writeText: async (text: string) => void (state.clipboardText = text),
  },
  Notification: class {
    static isSupported = () => true;
    constructor(private readonly options: { title: string; body: string }) {}
    on(event: string, _listener: () => void) {
      record('Notification.on', event, this.options.title);
    }
    show() {
      notifications.push({ title: this.options.title, body: this.options.body });
    }
  },
  globalShortcut: {
    register: (accelerator: string, callback: () => void) => {
      record('globalShortcut.register', accelerator);
      shortcuts.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator: string) => void shortcuts.delete(accelerator),
    unregisterAll: () => shortcuts.clear(),
  },
  safeStorage: fakeSafeStorage(process.env.FAKE_SAFE_STORAGE),
  dialog: { showErrorBox: (t: string, b: string) => record('showErrorBox', t, b) },
  shell: { openExternal: async (url: string) => void opened.push(url), openPath: async () => '' },
  net: { fetch: (input: string, init?: RequestInit) => fetch(input, init) },
  protocol: { registerSchemesAsPrivileged: (s: unknown) => record('registerSchemesAsPrivileged', s) },
  session: {
    defaultSession: {
      protocol: {
        handle: (scheme: string, handler: (r: Request) => Promise<Response>) => (
          record('protocol.handle', scheme),
          (state.protocolHandler = handler)
        ),
      },
      webRequest: { onHeadersReceived: () => record('onHeadersReceived') },
      setPermissionRequestHandler: () => record('setPermissionRequestHandler'),
      setPermissionCheckHandler: noop,
    },
  },
  ipcMain: {
    handle: (channel: string, fn: Fn) => void ipcHandlers.set(channel, fn),
    removeHandler: (channel: string) => void ipcHandlers.delete(channel),
    on: noop,
  },
};
/** The module object; anything else electron-log or electron-store asks for is undefined. */
export const fakeElectron = new Proxy(electron, {
  get: (target, key: string) => (key in target ? target[key] : key === '__esModule' ? false : undefined),
});
