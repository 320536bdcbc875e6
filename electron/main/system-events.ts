// The machine tells the renewal engine when its timers may have lied: after resume and
// unlock (timers stood still while the machine slept) and when the network comes back
// (retries may be waiting on a backoff). Each calls checkNow(), which runs what is due.
//
// Unlock: Electron emits 'unlock-screen' on macOS and Windows only. Linux is not missing
// anything by it: a locked screen without sleep keeps timers running, and sleep ends with
// 'resume' there too (plus the engine's own wall-clock jump check), so no listener there.
//
// Network: Electron's main process has net.isOnline() but no event for it. The renderer's
// window 'online' event is no help, because the window is usually closed (a tray app), so
// main polls isOnline() every 30 s on the injected timers: one boolean read, no traffic.

import type { Timers } from '../core/ports.js';

export interface PowerMonitorLike {
  on(event: 'resume', listener: () => void): unknown;
  on(event: 'unlock-screen', listener: () => void): unknown;
}

export interface SystemEventsDeps {
  readonly platform: NodeJS.Platform;
  readonly powerMonitor: PowerMonitorLike;
  readonly net: { isOnline(): boolean };
  readonly timers: Timers;
  readonly checkNow: () => void;
  readonly pollMs?: number;
}

export const NETWORK_POLL_MS = 30_000;

/** Starts listening; returns stop (for the network poll; powerMonitor listeners die with the app). */
export function watchSystemEvents(deps: SystemEventsDeps): () => void {
  deps.powerMonitor.on('resume', () => deps.checkNow());
  if (deps.platform === 'darwin' || deps.platform === 'win32') deps.powerMonitor.on('unlock-screen', () => deps.checkNow());

  const pollMs = deps.pollMs ?? NETWORK_POLL_MS;
  let online = deps.net.isOnline();
  let stopped = false;
  let handle = deps.timers.setTimer(poll, pollMs);
  function poll(): void {
    if (stopped) return;
    const now = deps.net.isOnline();
    if (now && !online) deps.checkNow();
    online = now;
    handle = deps.timers.setTimer(poll, pollMs);
  }
  return () => {
    stopped = true;
    deps.timers.clearTimer(handle);
  };
}
