/** Reads the running app's tray through the e2e hooks (main/shell/test-hooks.ts). */
import type { ElectronApplication } from 'playwright-core';
import type { MenuItemTemplate } from '../../../main/desktop';
import type { TestHooks } from '../../../main/shell/test-hooks';

type WithHooks = typeof globalThis & { __tokenTrayTest?: TestHooks };

/** Labels of the tray menu (submenus flattened), after pending updates. */
export async function trayLabels(app: ElectronApplication): Promise<string[]> {
  return app.evaluate(async () => {
    const hooks = (globalThis as WithHooks).__tokenTrayTest;
    if (!hooks) return [];
    await hooks.settled();
    const flat = (items: MenuItemTemplate[]): string[] =>
      items.flatMap((i) => [i.label ?? '---', ...flat(i.submenu ?? [])]);
    return flat(hooks.trayMenu());
  });
}

/** The tray tooltip. */
export function trayTooltip(app: ElectronApplication): Promise<string> {
  return app.evaluate(() => (globalThis as WithHooks).__tokenTrayTest?.trayTooltip() ?? '');
}

/** Clicks a tray menu item by id. */
export function clickTray(app: ElectronApplication, id: string): Promise<void> {
  return app.evaluate((_electron, itemId) => (globalThis as WithHooks).__tokenTrayTest?.clickMenu(itemId), id);
}

/** URLs the app handed to the system browser. */
export function openedUrls(app: ElectronApplication): Promise<string[]> {
  return app.evaluate(() => [...((globalThis as WithHooks).__tokenTrayTest?.openedUrls ?? [])]);
}
