// The thin adapters from real Electron objects to the shell's ports: the tray, desktop
// notifications and the prd confirmation dialog (the clipboard has its own file). Only types
// are imported from 'electron'; index.ts passes the real objects, tests pass stand-ins.

import type {
  Menu,
  MenuItemConstructorOptions,
  MessageBoxOptions,
  MessageBoxReturnValue,
  NativeImage,
  NotificationConstructorOptions,
  Tray,
} from 'electron';
import type { Notifier } from '../app/notice-center.js';
import type { ConfirmQuestion } from '../app/shell-ports.js';
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
  return {
    setImage: (path) => deps.tray.setImage(deps.image(path)),
    setToolTip: (text) => deps.tray.setToolTip(text),
    setMenu: (entries) => deps.tray.setContextMenu(deps.buildMenu(menuTemplate(entries))),
  };
}

/** The part of Electron's Notification used here. */
export interface NotificationLike {
  on(event: 'click' | 'close' | 'failed', listener: () => void): unknown;
  show(): void;
}
export type NotificationConstructor = new (options: NotificationConstructorOptions) => NotificationLike;

/** Notifications shown and not yet clicked or closed: kept so their click handlers live on. */
export const MAX_RETAINED_NOTIFICATIONS = 20;

export interface RetainingNotifier extends Notifier {
  /** How many notifications are held. */
  retained(): number;
}

export function electronNotifier(NotificationClass: NotificationConstructor, isSupported: () => boolean): RetainingNotifier {
  // A Notification nobody references can be garbage-collected with its 'click' listener,
  // and then a click does nothing. Some desktops never report 'close', so the set is capped.
  const retained = new Set<NotificationLike>();
  return {
    show({ title, body, onClick }) {
      if (!isSupported()) return;
      const notification = new NotificationClass({ title, body });
      const release = () => retained.delete(notification);
      notification.on('click', () => {
        release();
        onClick?.();
      });
      notification.on('close', release);
      notification.on('failed', release);
      retained.add(notification);
      while (retained.size > MAX_RETAINED_NOTIFICATIONS) {
        const oldest = retained.values().next().value;
        if (oldest === undefined) break;
        retained.delete(oldest);
      }
      notification.show();
    },
    retained: () => retained.size,
  };
}

/** The prd question as a native message box; the safe answer (cancel) is the default. */
export function electronConfirm(
  showMessageBox: (options: MessageBoxOptions) => Promise<MessageBoxReturnValue>,
): (question: ConfirmQuestion) => Promise<boolean> {
  return async (question) => {
    const { response } = await showMessageBox({
      type: 'warning',
      title: question.title,
      message: question.title,
      detail: question.detail,
      buttons: [question.confirmLabel, question.cancelLabel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    return response === 0;
  };
}
