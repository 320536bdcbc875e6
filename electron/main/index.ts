// Electron main process: a first, thin tray shell over the core (the tray issue completes
// it: notifications, clipboard, MFA prompt window, renewal). Electron is only imported here.

import { app, Menu, Tray, nativeImage, type MenuItemConstructorOptions } from 'electron';
import { join } from 'node:path';
import { createNodeServices } from '../adapters/node-services.js';
import { describeError } from '../core/errors.js';
import { trayMenu, type TrayMenuItem } from './tray-menu.js';

const services = createNodeServices(process.env, { endpointUrl: undefined });
let tray: Tray | null = null;
let lastError: string | undefined;

function toElectron(item: TrayMenuItem): MenuItemConstructorOptions {
  switch (item.kind) {
    case 'header':
      return { label: item.label, enabled: false };
    case 'separator':
      return { type: 'separator' };
    case 'role':
      return { label: item.label, type: 'checkbox', checked: item.checked, click: () => void activate(item.role) };
    case 'action':
      return { label: item.label, click: () => app.quit() };
  }
}

async function refresh(): Promise<void> {
  if (!tray) return;
  const config = await services.configStore.load();
  const owned = await services.profiles.listOwned();
  tray.setContextMenu(Menu.buildFromTemplate(trayMenu({ config, owned, now: Date.now(), lastError }).map(toElectron)));
}

async function activate(role: string): Promise<void> {
  try {
    await services.sessions.activate(role);
    lastError = undefined;
  } catch (error) {
    lastError = describeError(error);
  }
  await refresh();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.dock?.hide();
  void app.whenReady().then(async () => {
    tray = new Tray(nativeImage.createFromPath(join(app.getAppPath(), 'assets', 'tray.png')));
    tray.setToolTip('sts-tray');
    await refresh().catch((error: unknown) => {
      lastError = describeError(error);
    });
  });
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', () => services.close());
}
