/**
 * The tray icon: image by platform, theme and sign-in state; tooltip and menu
 * built by the pure tray-menu functions; clicks routed by item id.
 */
import { join } from 'node:path';
import { Menu, Tray, nativeImage, nativeTheme, type MenuItemConstructorOptions } from 'electron';
import type { ProfileView } from '../core';
import { buildTrayMenu, buildTrayTooltip, parseMenuId, type MenuAction, type MenuItemTemplate } from '../desktop';
import { trayIconFile } from '../desktop';
import type { Translator } from '../i18n';

/** The tray's controls. */
export interface AppTray {
  /** Rebuilds icon, tooltip and menu from the profiles. */
  update(profiles: readonly ProfileView[]): void;
  /** Shows (or, with null, removes) the updater's menu item. */
  setUpdateItem(item: { label: string; enabled: boolean } | null): void;
  /** The last template and tooltip (for the e2e hooks). */
  snapshot(): { menu: MenuItemTemplate[]; tooltip: string };
  /** Acts as if the menu item `id` was clicked (for the e2e hooks). */
  click(id: string): void;
  destroy(): void;
}

function toElectron(items: MenuItemTemplate[], onClick: (id: string) => void): MenuItemConstructorOptions[] {
  return items.map((item) => {
    const out: MenuItemConstructorOptions = { type: item.type ?? 'normal' };
    if (item.id !== undefined) out.id = item.id;
    if (item.label !== undefined) out.label = item.label;
    if (item.enabled !== undefined) out.enabled = item.enabled;
    if (item.checked !== undefined) out.checked = item.checked;
    if (item.submenu) out.submenu = toElectron(item.submenu, onClick);
    else if (item.id && item.type !== 'separator') {
      const id = item.id;
      out.click = () => onClick(id);
    }
    return out;
  });
}

/** Creates the tray icon. `onAction` receives each click as a {@link MenuAction}. */
export function createAppTray(
  assetsDir: string,
  onAction: (action: MenuAction) => void,
  onIconClick: () => void,
  say: () => Translator,
): AppTray {
  const tray = new Tray(nativeImage.createEmpty());
  let profiles: readonly ProfileView[] = [];
  let updateItem: { label: string; enabled: boolean } | null = null;
  let last = { menu: [] as MenuItemTemplate[], tooltip: '' };

  const click = (id: string) => {
    const action = parseMenuId(id);
    if (action) onAction(action);
  };

  const render = () => {
    const active = profiles.find((p) => p.active) ?? profiles[0];
    const signedIn = active?.status.state === 'signed_in';
    tray.setImage(join(assetsDir, trayIconFile(process.platform, nativeTheme.shouldUseDarkColors, signedIn)));
    const state = {
      profiles,
      now: Date.now(),
      escapeAmpersands: process.platform !== 'darwin',
      update: updateItem,
      say: say(),
    };
    last = { menu: buildTrayMenu(state), tooltip: buildTrayTooltip(state) };
    tray.setToolTip(last.tooltip);
    tray.setContextMenu(Menu.buildFromTemplate(toElectron(last.menu, click)));
  };

  // Windows opens the window on a left click; macOS and Linux show the menu.
  if (process.platform === 'win32') tray.on('click', onIconClick);
  nativeTheme.on('updated', render);
  // The menu shows "expires in 42 min": keep it current.
  const ticker = setInterval(render, 30_000);

  return {
    update(next) {
      profiles = next;
      render();
    },
    setUpdateItem(item) {
      updateItem = item;
      render();
    },
    snapshot: () => last,
    click,
    destroy() {
      clearInterval(ticker);
      nativeTheme.off('updated', render);
      tray.destroy();
    },
  };
}
