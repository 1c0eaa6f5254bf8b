/**
 * A stand-in for the Electron module, for running the bundled main process
 * (dist/main/index.js) under plain Node where no Electron binary exists. It
 * records what the shell asks of Electron and is driven by the test over the
 * child-process IPC channel. Bundled by esbuild and loaded with `node -r`.
 * Only Electron is replaced: core, the keyring and pm-server are real.
 */
import Module from 'node:module';
import {
  app,
  calls,
  fakeElectron,
  FakeBrowserWindow,
  FakeTray,
  FakeWebContents,
  ipcHandlers,
  notifications,
  opened,
  record,
  shortcuts,
  state,
} from './fake-electron-parts';

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
  exports: fakeElectron,
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
  | { id: number; cmd: 'press-shortcut'; accelerator: string }
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
      return state.clipboardText;
    case 'set-clipboard':
      state.clipboardText = command.text;
      return null;
    case 'press-shortcut': {
      const callback = shortcuts.get(command.accelerator);
      callback?.();
      return callback !== undefined;
    }
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
      if (!state.protocolHandler) return null;
      const response = await state.protocolHandler(new Request(command.url));
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
