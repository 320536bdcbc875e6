// The app's life as a tray app: one instance (a second launch shows the first one's
// window), no Dock icon on macOS, closing the window does not quit, and quitting waits for
// the controller's shutdown (clear the clipboard, remove our profiles if asked to) before
// the process goes.

import type { Timers } from '../core/ports.js';

export interface TrayAppLike {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
  readonly dock?: { hide(): void } | undefined;
  setActivationPolicy?(policy: 'regular' | 'accessory' | 'prohibited'): void;
}

/** Returns false when another instance runs (this one is quitting and should do nothing more). */
export function becomeTrayOnlyApp(app: TrayAppLike, platform: NodeJS.Platform, showWindow: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => showWindow());
  // A listener is all it takes: without one, Electron quits when the last window closes.
  app.on('window-all-closed', () => undefined);
  if (platform === 'darwin') {
    // The packaged app has LSUIElement; this covers `npm start`, where Info.plist is Electron's.
    app.setActivationPolicy?.('accessory');
    app.dock?.hide();
  }
  return true;
}

export interface QuitAppLike {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export interface QuitSequenceDeps {
  readonly app: QuitAppLike;
  /** controller.shutdown() and whatever must finish with it (the clipboard's queue). */
  readonly shutdown: () => Promise<void>;
  readonly timers: Timers;
  readonly onError: (error: unknown) => void;
  /** A shutdown stuck on a keychain prompt or a dead disk must not keep the app alive forever. */
  readonly timeoutMs?: number;
}

export const SHUTDOWN_TIMEOUT_MS = 5_000;

/**
 * The first before-quit is held (preventDefault) while shutdown runs, then quit is called
 * again and let through. Quit clicks during the shutdown are held too.
 */
export function installQuitSequence(deps: QuitSequenceDeps): void {
  let phase: 'running' | 'stopping' | 'done' = 'running';
  deps.app.on('before-quit', (event) => {
    if (phase === 'done') return;
    event.preventDefault();
    if (phase === 'stopping') return;
    phase = 'stopping';
    const finish = () => {
      if (phase === 'done') return;
      phase = 'done';
      deps.timers.clearTimer(deadline);
      deps.app.quit();
    };
    const deadline = deps.timers.setTimer(() => {
      deps.onError(new Error('shutdown did not finish in time; quitting anyway'));
      finish();
    }, deps.timeoutMs ?? SHUTDOWN_TIMEOUT_MS);
    deps
      .shutdown()
      .catch((error: unknown) => deps.onError(error))
      .finally(finish);
  });
}
