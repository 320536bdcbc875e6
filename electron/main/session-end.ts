// The end of the user's session, which the quit sequence (before-quit) does not see on every
// platform: Windows logoff and shutdown never emit before-quit, only a window's
// 'query-session-end' / 'session-end' (so a hidden window is kept for them even when the
// tray's window is closed); Linux and macOS emit powerMonitor 'shutdown', where quitting
// through the quit sequence runs the same cleanup. Whatever the session's end still cuts
// short, the run marker makes the next start finish (core/run-marker.ts).

import type { BrowserWindow, PowerMonitor } from 'electron';

export type SessionEndWindow = Pick<BrowserWindow, 'on'>;

export interface SessionEndDeps {
  readonly platform: NodeJS.Platform;
  readonly powerMonitor: Pick<PowerMonitor, 'on'>;
  /** A window that is never shown; Windows sends the session's end to windows only. */
  readonly createHiddenWindow: () => SessionEndWindow;
  /** The quit-time cleanup, run once however many signals arrive (Windows). */
  readonly cleanup: () => Promise<void>;
  /** app.quit(): the quit sequence runs the cleanup (Linux, macOS). */
  readonly quit: () => void;
}

/** Returns the hidden window on Windows (keep a reference, or it is collected), else null. */
export function watchSessionEnd(deps: SessionEndDeps): SessionEndWindow | null {
  if (deps.platform === 'win32') {
    const window = deps.createHiddenWindow();
    let started = false;
    const cleanupOnce = () => {
      if (started) return;
      started = true;
      void deps.cleanup();
    };
    // query-session-end comes first and leaves the most time; session-end is the last word.
    window.on('query-session-end', cleanupOnce);
    window.on('session-end', cleanupOnce);
    return window;
  }
  if (deps.platform === 'linux' || deps.platform === 'darwin') {
    deps.powerMonitor.on('shutdown', () => deps.quit());
  }
  return null;
}

/** The one cleanup shared by quit and session end: a second call gets the first's promise. */
export function once(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= run());
}
