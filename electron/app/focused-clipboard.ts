// Runs a clipboard operation from a focused window where the desktop insists on one
// (clipboard-focus.ts says when). If a window of ours has focus (the user clicked Copy in
// it), the operation runs at once; otherwise a small transient window is shown, and the
// operation runs once that window has really received focus. A window that gets no focus in
// time (the compositor's focus-stealing prevention) means the operation was not done: the
// caller reports it instead of pretending.

import type { TimerHandle, Timers } from '../core/ports.js';

/** What the route needs of a transient window (an Electron BrowserWindow in main). */
export interface TransientWindow {
  once(event: 'focus', listener: () => void): unknown;
  isFocused(): boolean;
  show(): void;
  focus(): void;
  destroy(): void;
  isDestroyed(): boolean;
}

/** Runs `operation` from a window with focus; resolves false when none could be had. */
export type FocusRoute = (operation: () => Promise<void>) => Promise<boolean>;

export const FOCUS_WAIT_MS = 1500;

export interface FocusRouteDeps {
  readonly ourWindowFocused: () => boolean;
  readonly openTransient: () => TransientWindow;
  readonly timers: Timers;
}

export const directRoute: FocusRoute = async (operation) => {
  await operation();
  return true;
};

export function focusedWindowRoute(deps: FocusRouteDeps): FocusRoute {
  return async (operation) => {
    if (deps.ourWindowFocused()) {
      await operation();
      return true;
    }
    const window = deps.openTransient();
    try {
      const focused = await new Promise<boolean>((resolve) => {
        let timer: TimerHandle | null = null;
        window.once('focus', () => {
          if (timer) deps.timers.clearTimer(timer);
          resolve(true);
        });
        timer = deps.timers.setTimer(() => resolve(window.isFocused()), FOCUS_WAIT_MS);
        window.show();
        window.focus();
      });
      if (!focused || !window.isFocused()) return false;
      await operation();
      return true;
    } finally {
      if (!window.isDestroyed()) window.destroy();
    }
  };
}
