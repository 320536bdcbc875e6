// Adapts a real Electron Tray to the tray app's TrayPort: the menu model becomes Electron's
// menu template, icon paths become native images. Only types come from 'electron'; index.ts
// passes the real Tray, Menu.buildFromTemplate and nativeImage, tests pass stand-ins.

import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { DeferredMenu } from '../app/deferred-menu.js';
import type { MenuEntry, TrayPort } from '../app/tray-presenter.js';

export function menuTemplate(entries: readonly MenuEntry[]): MenuItemConstructorOptions[] {
  return entries.map((entry): MenuItemConstructorOptions => {
    switch (entry.type) {
      case 'separator':
        return { type: 'separator' };
      case 'normal':
        return entry.click ? { label: entry.label, enabled: entry.enabled, click: entry.click } : { label: entry.label, enabled: entry.enabled };
      case 'checkbox':
        return { type: 'checkbox', label: entry.label, checked: entry.checked, click: entry.click };
      case 'submenu':
        return { label: entry.label, enabled: entry.enabled, submenu: menuTemplate(entry.submenu) };
    }
  });
}

export interface ElectronTrayDeps {
  readonly tray: Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu'>;
  /** Menu.buildFromTemplate */
  readonly buildMenu: (template: MenuItemConstructorOptions[]) => Menu;
  /** nativeImage.createFromPath: picks up name@2x.png beside it, and *Template.png as a macOS template image. */
  readonly image: (path: string) => NativeImage;
}

export function electronTray(deps: ElectronTrayDeps): TrayPort {
  // Where the desktop reports no menu events (Linux's D-Bus menus), menus are set at once.
  const menus = new DeferredMenu<Menu>((menu) => deps.tray.setContextMenu(menu));
  return {
    setImage: (path) => deps.tray.setImage(deps.image(path)),
    setToolTip: (text) => deps.tray.setToolTip(text),
    setMenu: (entries) => {
      const menu = deps.buildMenu(menuTemplate(entries));
      menu.on('menu-will-show', () => menus.opened());
      menu.on('menu-will-close', () => menus.closed());
      menus.offer(menu);
    },
  };
}
