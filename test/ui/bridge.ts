/**
 * The test stand-in for the preload: defines `window.tokenTray` in the page
 * with one method per channel, each calling the real handler in Node through
 * a Playwright binding, and feeds `onEvent` listeners from Node.
 */
import type { Page } from 'playwright-core';
import type { AppEvent } from '../../main/contract/ipc';
import type { IpcHandlers } from '../../main/ipc/handlers';

/** Binds `__ttInvoke` and installs `window.tokenTray` before any page script runs. */
export async function installBridge(page: Page, handlers: IpcHandlers, channels: readonly string[]): Promise<void> {
  await page.exposeBinding('__ttInvoke', async (_source, channel: unknown, args: unknown) => {
    const handler = (handlers as Record<string, ((...a: unknown[]) => Promise<unknown>) | undefined>)[String(channel)];
    if (!handler) return { ok: false, error: { code: 'internal', message: 'Unknown channel.' } };
    return handler(...(Array.isArray(args) ? args : []));
  });
  await page.addInitScript(
    (names: string[]) => {
      type Listener = (event: unknown) => void;
      const w = window as unknown as {
        __ttInvoke(channel: string, args: unknown[]): Promise<unknown>;
        __ttEmit(event: unknown): void;
        tokenTray: Record<string, unknown>;
      };
      const listeners = new Set<Listener>();
      const api: Record<string, unknown> = {
        onEvent(listener: Listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
      };
      for (const name of names) api[name] = (...args: unknown[]) => w.__ttInvoke(name, args);
      w.tokenTray = Object.freeze(api);
      w.__ttEmit = (event) => listeners.forEach((l) => l(event));
    },
    [...channels],
  );
}

/** Delivers an event to the page's `onEvent` listeners (ignored while the page navigates or after it closed). */
export async function emitToPage(page: Page, event: AppEvent): Promise<void> {
  if (page.isClosed()) return;
  await page
    .evaluate((e) => (window as unknown as { __ttEmit?: (e: unknown) => void }).__ttEmit?.(e), event as unknown)
    .catch(() => undefined);
}
