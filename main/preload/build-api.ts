/**
 * Builds `window.tokenTray` from the contract's channel list, so the preload
 * cannot drift from main's handlers. Takes `invoke` and `subscribe` as
 * parameters (Electron's ipcRenderer in the preload, plain functions in
 * tests); the renderer never gets ipcRenderer itself.
 */
import { channelNames, channelPrefix, type AppEvent, type ChannelName, type TokenTrayApi } from '../contract/ipc';

/** Sends one call to main and resolves with its answer. */
export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;
/** Listens for pushed events; returns an unsubscribe function. */
export type Subscribe = (listener: (event: AppEvent) => void) => () => void;

/** The API object exposed to the page. */
export function buildTokenTrayApi(invoke: Invoke, subscribe: Subscribe): TokenTrayApi {
  const calls: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const name of channelNames) {
    calls[name] = (...args: unknown[]) => invoke(`${channelPrefix}${name satisfies ChannelName}`, ...args);
  }
  const onEvent = (listener: (event: AppEvent) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function.');
    return subscribe(listener);
  };
  return Object.freeze({ ...calls, onEvent }) as unknown as TokenTrayApi;
}
