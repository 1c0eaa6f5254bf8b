/**
 * The preload: exposes the narrow `window.tokenTray` API (built from the IPC
 * contract) through contextBridge, and nothing else. Bundled into one file,
 * as a sandboxed preload cannot require local modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannel, type AppEvent } from '../contract/ipc';
import { buildTokenTrayApi } from './build-api';

const api = buildTokenTrayApi(
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  (listener) => {
    // Only the event crosses over, never the IpcRendererEvent (it holds the sender).
    const forward = (_event: IpcRendererEvent, appEvent: AppEvent) => listener(appEvent);
    ipcRenderer.on(eventChannel, forward);
    return () => void ipcRenderer.removeListener(eventChannel, forward);
  },
);

contextBridge.exposeInMainWorld('tokenTray', api);
