/**
 * Hooks for the Playwright `_electron` specs, installed only when
 * TOKEN_TRAY_E2E=1: read the tray's menu and tooltip, click a menu item,
 * and see which URLs the app would have opened in the system browser.
 * Nothing secret is exposed beyond what the clipboard already holds.
 */
import type { MenuItemTemplate } from '../desktop';

/** True when the app runs under the e2e specs. */
export const e2eMode = process.env.TOKEN_TRAY_E2E === '1';

/** What the specs can reach through `app.evaluate(() => globalThis.__tokenTrayTest)`. */
export interface TestHooks {
  trayMenu(): MenuItemTemplate[];
  trayTooltip(): string;
  clickMenu(id: string): void;
  /** URLs passed to the system browser (recorded instead of opened in e2e mode). */
  openedUrls: string[];
  /** Resolves when the tray reflects the latest engine state. */
  settled(): Promise<void>;
}

/** Publishes the hooks on globalThis. */
export function installTestHooks(hooks: TestHooks): void {
  (globalThis as { __tokenTrayTest?: TestHooks }).__tokenTrayTest = hooks;
}
