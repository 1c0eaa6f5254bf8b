/**
 * Registers every channel of the contract with `ipcMain.handle`, behind the
 * sender check: only the app's own window, its main frame, showing our page.
 * Also pushes {@link AppEvent}s to that window.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channelNames, channelPrefix, eventChannel, type AppEvent, type Result } from '../contract/ipc';
import { TokenTrayError, toUserError } from '../core';
import type { IpcHandlers } from '../ipc/handlers';
import { isTrustedSender, type SenderFacts } from './security-policy';

/** The answer to a caller that is not our window. */
export const forbiddenResult: Result<never> = {
  ok: false,
  error: toUserError(new TokenTrayError('forbidden_origin', 'error.ipc.forbidden')),
};

function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame ? frame.url : null,
    isMainFrame: frame !== null && frame.parent === null,
  };
}

/** Registers the handlers; `windowContents` returns the app window's webContents, or null. */
export function registerIpcHandlers(
  handlers: IpcHandlers,
  windowContents: () => WebContents | null,
  onRefused: (channel: string, reason: string) => void,
): () => void {
  for (const name of channelNames) {
    ipcMain.handle(`${channelPrefix}${name}`, (event, ...args: unknown[]) => {
      const contents = windowContents();
      if (!isTrustedSender(senderFacts(event), contents && !contents.isDestroyed() ? contents.id : null)) {
        onRefused(name, 'the caller is not Token Tray’s own window');
        return forbiddenResult;
      }
      return handlers[name](...args);
    });
  }
  return () => {
    for (const name of channelNames) ipcMain.removeHandler(`${channelPrefix}${name}`);
  };
}

/** Sends an event to the window when there is one. */
export function pushEvent(windowContents: WebContents | null, event: AppEvent): void {
  if (windowContents && !windowContents.isDestroyed()) windowContents.send(eventChannel, event);
}
