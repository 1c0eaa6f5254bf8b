/**
 * Typed access to `window.tokenTray`, the only bridge to main. Calls return
 * the value or throw {@link ApiError}, which carries the plain sentences core
 * wrote for people.
 */
import type { ChannelName, IpcChannels, TokenTrayApi, UserError } from '../../main/contract/ipc';

declare global {
  interface Window {
    tokenTray?: TokenTrayApi;
  }
}

/** A failed call: `error.message` and `error.nextStep` are meant for people. */
export class ApiError extends Error {
  readonly userError: UserError;
  constructor(userError: UserError) {
    super(userError.message);
    this.name = 'ApiError';
    this.userError = userError;
  }
}

/** The bridge, or a clear error when the window was opened outside Token Tray. */
export function bridge(): TokenTrayApi {
  const api = window.tokenTray;
  if (!api) {
    throw new ApiError({
      code: 'internal',
      message: 'This window must be opened from the Token Tray app.',
      nextStep: 'Close it and open Token Tray from the tray icon.',
    });
  }
  return api;
}

/** Calls a channel; resolves with its value or throws {@link ApiError}. */
export async function call<K extends ChannelName>(
  channel: K,
  ...args: Parameters<IpcChannels[K]>
): Promise<ReturnType<IpcChannels[K]>> {
  const fn = bridge()[channel] as (...a: Parameters<IpcChannels[K]>) => ReturnType<TokenTrayApi[K]>;
  let result: Awaited<ReturnType<TokenTrayApi[K]>>;
  try {
    result = await fn(...args);
  } catch {
    throw new ApiError({
      code: 'internal',
      message: 'Token Tray did not answer.',
      nextStep: 'Try again. If it keeps happening, restart the app.',
    });
  }
  if (result.ok) return result.value as ReturnType<IpcChannels[K]>;
  throw new ApiError(result.error);
}

/** The user-facing form of anything thrown. */
export function toUserError(err: unknown): UserError {
  if (err instanceof ApiError) return err.userError;
  return {
    code: 'internal',
    message: 'Something went wrong inside Token Tray.',
    nextStep: 'Try again. If it keeps happening, restart the app.',
  };
}
