/**
 * Typed access to `window.tokenTray`, the only bridge to main. Calls return
 * the value or throw {@link ApiError}, which carries the error's catalogue keys;
 * {@link toUserError} says them in the window's language.
 */
import type { ChannelName, IpcChannels, TokenTrayApi, UserError } from '../../main/contract/ipc';
import { t } from './i18n';

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
    throw new ApiError(windowError('error.window.outside'));
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
    throw new ApiError(windowError('error.window.no_answer'));
  }
  if (result.ok) return inWindowLanguage(result.value) as ReturnType<IpcChannels[K]>;
  throw new ApiError(result.error);
}

/** True for a {@link UserError} carried inside a value (an address check's `error`, a profile's renewal error). */
function isUserError(value: object): value is UserError {
  const v = value as Partial<UserError>;
  return typeof v.code === 'string' && typeof v.key === 'string' && typeof v.message === 'string';
}

/**
 * Main's English never reaches a view: every error carried inside an answer gets its sentences
 * from the window's catalogue, by its key and values, at the one door all answers pass.
 */
function inWindowLanguage(value: unknown, depth = 0): unknown {
  if (typeof value !== 'object' || value === null || depth > 6) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => inWindowLanguage(item, depth + 1));
  if (isUserError(value)) return localizeError(value);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = inWindowLanguage(v, depth + 1);
  return out;
}

/** An error of the window's own (main is not there to raise it). */
function windowError(key: 'error.window.outside' | 'error.window.no_answer'): UserError {
  return { code: 'internal', key, nextKey: `${key}.next`, message: '' };
}

/** An error from main with its sentences in the window's language (main sends the keys and values). */
export function localizeError(error: UserError): UserError {
  const nextStep = error.nextKey ? t(error.nextKey, error.params) : undefined;
  return { ...error, message: t(error.key, error.params), ...(nextStep ? { nextStep } : { nextStep: undefined }) };
}

/** The user-facing form of anything thrown, in the window's language. */
export function toUserError(err: unknown): UserError {
  if (err instanceof ApiError) return localizeError(err.userError);
  return localizeError({ code: 'internal', key: 'error.internal', nextKey: 'error.internal.next', message: '' });
}
