// Adapts Electron's Notification to the tray app's Notifier port, keeping each shown
// notification referenced so its click handler survives garbage collection. Only types come
// from 'electron'; index.ts passes the real Notification class.

import type { NotificationConstructorOptions } from 'electron';
import type { Notifier } from '../app/notice-center.js';

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
