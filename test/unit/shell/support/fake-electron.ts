/**
 * A stand-in for the Electron module, for running the bundled main process
 * (dist/main/index.js) under plain Node where no Electron binary exists. It
 * records what the shell asks of Electron and is driven by the test over the
 * child-process IPC channel. Bundled by esbuild and loaded with `node -r`.
 * Only Electron is replaced: core, the keyring and pm-server are real.
 */
import { EventEmitter } from 'node:events';
import Module from 'node:module';
import { join } from 'node:path';

type Fn = (...args: unknown[]) => unknown;
const calls: Array<[string, ...unknown[]]> = [];
const record = (name: string, ...args: unknown[]) => void calls.push([name, ...args]);
const notifications: Array<{ title: string; body: string }> = [];
const opened: string[] = [];
const ipcHandlers = new Map<string, Fn>();
let protocolHandler: ((request: Request) => Promise<Response>) | null = null;
let clipboardText = '';
let nextContentsId = 1;

class FakeWebContents extends EventEmitter {
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

class FakeBrowserWindow extends EventEmitter {
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

const app = new FakeApp();
const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false, themeSource: 'system' });
class FakeTray extends EventEmitter {
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
const electron: Record<string, unknown> = {
  app,
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
  nativeImage: { createEmpty: () => ({}) },
  nativeTheme,
  clipboard: {
    readText: async () => clipboardText,
    writeText: async (text: string) => void (clipboardText = text),
  },
  Notification: class {
    static isSupported = () => true;
    constructor(private readonly options: { title: string; body: string }) {}
    show() {
      notifications.push({ title: this.options.title, body: this.options.body });
    }
  },
  globalShortcut: {
    register: (a: string) => (record('globalShortcut.register', a), true),
    unregister: noop,
    unregisterAll: noop,
  },
  safeStorage: { getSelectedStorageBackend: () => 'gnome_libsecret', isAsyncEncryptionAvailable: async () => false },
  dialog: { showErrorBox: (t: string, b: string) => record('showErrorBox', t, b) },
  shell: { openExternal: async (url: string) => void opened.push(url), openPath: async () => '' },
  net: { fetch: (input: string, init?: RequestInit) => fetch(input, init) },
  protocol: { registerSchemesAsPrivileged: (s: unknown) => record('registerSchemesAsPrivileged', s) },
  session: {
    defaultSession: {
      protocol: {
        handle: (scheme: string, handler: (r: Request) => Promise<Response>) => (
          record('protocol.handle', scheme),
          (protocolHandler = handler)
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
// Anything else electron-log or electron-store touches: harmless no-ops.
const fake = new Proxy(electron, {
  get: (target, key: string) => (key in target ? target[key] : key === '__esModule' ? false : undefined),
});

const moduleInternals = Module as unknown as {
  _resolveFilename: (request: string, ...rest: unknown[]) => string;
  _cache: Record<string, unknown>;
};
const originalResolve = moduleInternals._resolveFilename;
moduleInternals._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'electron' ? 'fake-electron' : originalResolve.call(this, request, ...rest);
};
moduleInternals._cache['fake-electron'] = {
  id: 'fake-electron',
  filename: 'fake-electron',
  loaded: true,
  exports: fake,
};
(process as { defaultApp?: boolean }).defaultApp = true;

/** Commands from the test. */
type Command =
  | { id: number; cmd: 'calls' | 'notifications' | 'opened' | 'clipboard' | 'channels' | 'tray' | 'windows' }
  | { id: number; cmd: 'emit'; event: string; args: unknown[] }
  | { id: number; cmd: 'open-url'; url: string }
  | { id: number; cmd: 'invoke'; channel: string; args: unknown[]; sender: 'window' | 'foreign' | 'iframe' }
  | { id: number; cmd: 'fetch-app'; url: string }
  | { id: number; cmd: 'window-open'; url: string }
  | { id: number; cmd: 'navigate'; url: string }
  | { id: number; cmd: 'set-clipboard'; text: string }
  | { id: number; cmd: 'click'; item: string };

async function run(command: Command): Promise<unknown> {
  const window = FakeBrowserWindow.all[0];
  switch (command.cmd) {
    case 'calls':
      return calls;
    case 'notifications':
      return notifications;
    case 'opened':
      return opened;
    case 'clipboard':
      return clipboardText;
    case 'set-clipboard':
      clipboardText = command.text;
      return null;
    case 'channels':
      return [...ipcHandlers.keys()];
    case 'tray': {
      const hooks = (
        globalThis as {
          __tokenTrayTest?: {
            settled(): Promise<void>;
            trayMenu(): unknown;
            trayTooltip(): string;
            openedUrls: string[];
          };
        }
      ).__tokenTrayTest;
      if (!hooks) return null;
      await hooks.settled();
      return {
        menu: hooks.trayMenu(),
        tooltip: hooks.trayTooltip(),
        image: FakeTray.last?.image ?? '',
        openedUrls: hooks.openedUrls,
      };
    }
    case 'click': {
      const hooks = (globalThis as { __tokenTrayTest?: { clickMenu(id: string): void } }).__tokenTrayTest;
      hooks?.clickMenu(command.item);
      return null;
    }
    case 'windows':
      return FakeBrowserWindow.all.map((w) => ({ visible: w.visible, options: w.options, sent: w.webContents.sent }));
    case 'emit':
      app.emit(command.event, ...command.args);
      return null;
    case 'open-url':
      app.emit('open-url', { preventDefault: () => record('open-url.preventDefault') }, command.url);
      return null;
    case 'invoke': {
      const handler = ipcHandlers.get(command.channel);
      if (!handler) return { missing: true };
      const contents =
        command.sender === 'foreign' ? new FakeWebContents() : (window?.webContents ?? new FakeWebContents());
      const frame = command.sender === 'iframe' ? { url: contents.mainFrame.url, parent: {} } : contents.mainFrame;
      return handler({ sender: contents, senderFrame: frame }, ...command.args);
    }
    case 'fetch-app': {
      if (!protocolHandler) return null;
      const response = await protocolHandler(new Request(command.url));
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        csp: response.headers.get('content-security-policy'),
        length: (await response.arrayBuffer()).byteLength,
      };
    }
    case 'window-open':
      return window?.webContents.openHandler?.({ url: command.url }) ?? null;
    case 'navigate': {
      let prevented = false;
      window?.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, command.url);
      return prevented;
    }
  }
}

process.on('message', (message: Command) => {
  void run(message).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
  );
});

// Electron's start-up order: will-finish-launching, then ready.
setImmediate(() => {
  app.emit('will-finish-launching');
  setImmediate(() => app.markReady());
});
