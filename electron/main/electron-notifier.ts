// Adapts Electron's Notification to the tray app's Notifier port. Each notice gets an id,
// and its click handler is kept by id, not only on the Notification object: on Windows a
// toast that moves to Action Center emits 'close' and may outlive its object, and a click
// there arrives through Notification.handleActivation with the toast's launch string
// (app/toast-xml.ts). A notice that fails to show (macOS refuses unsigned apps) is logged
// with the reason. Only types come from 'electron'; index.ts passes the real class.

import type { ActivationArguments, NotificationConstructorOptions } from 'electron';
import type { Notifier } from '../app/notice-center.js';
import { noticeIdOf, toastXml } from '../app/toast-xml.js';

/** The part of Electron's Notification used here. */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown;
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  show(): void;
}
export type NotificationConstructor = new (options: NotificationConstructorOptions) => NotificationLike;

/** Notices whose click may still come: kept so their click handlers live on. */
export const MAX_RETAINED_NOTIFICATIONS = 20;

export interface RetainingNotifier extends Notifier {
  /** How many notices are held. */
  retained(): number;
}

export interface ElectronNotifierDeps {
  readonly platform: NodeJS.Platform;
  /** Notification.handleActivation on Windows; absent elsewhere. */
  readonly handleActivation?: (callback: (details: ActivationArguments) => void) => void;
  /** A notice the desktop did not show, with its reason. */
  readonly onFailed?: (reason: string) => void;
}

export function electronNotifier(
  NotificationClass: NotificationConstructor,
  isSupported: () => boolean,
  deps: ElectronNotifierDeps = { platform: 'linux' },
): RetainingNotifier {
  // By id: the click handler, and the Notification object (a Notification nobody references
  // can be garbage-collected with its 'click' listener). Some desktops never report 'close',
  // so the map is capped.
  const retained = new Map<string, { onClick: (() => void) | undefined; notification: NotificationLike }>();
  let next = 0;
  const click = (id: string) => {
    const entry = retained.get(id);
    if (!entry) return;
    retained.delete(id);
    entry.onClick?.();
  };
  const windows = deps.platform === 'win32';
  if (windows && deps.handleActivation) {
    deps.handleActivation((details) => {
      const id = noticeIdOf(details.arguments);
      if (id !== null) click(id);
    });
  }
  return {
    show({ title, body, onClick }) {
      if (!isSupported()) return;
      next += 1;
      const id = `n${next}`;
      const notification = new NotificationClass(windows ? { title, body, id, toastXml: toastXml(id, title, body) } : { title, body });
      retained.set(id, { onClick, notification });
      // handleActivation also reports clicks of live toasts on Windows: one route there.
      if (!windows) notification.on('click', () => click(id));
      // On Windows 'close' also means "moved to Action Center", where it can still be clicked.
      if (!windows) notification.on('close', () => retained.delete(id));
      // platform-limited: 'failed' exists on macOS and Windows; elsewhere it never fires, and
      // the retained entry goes with the cap or a click.
      notification.on('failed', (_event, error) => {
        retained.delete(id);
        deps.onFailed?.(error);
      });
      while (retained.size > MAX_RETAINED_NOTIFICATIONS) {
        const oldest = retained.keys().next().value;
        if (oldest === undefined) break;
        retained.delete(oldest);
      }
      notification.show();
    },
    retained: () => retained.size,
  };
}
