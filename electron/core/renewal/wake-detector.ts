// Notices that the machine slept. Timers run on monotonic time, which stands still during a
// sleep, so a renewal due in the middle of one would fire only as late as the sleep was long:
// credentials could be expired for hours. A terminal has no resume event at all, and on some
// desktops Electron's is missing or late. Once a period, compare how far wall-clock and
// monotonic time moved; when they part by more than the threshold, the shell calls
// engine.checkNow, whose wave then reports the jump. No STS call; the tray checks from the
// minute timer it already runs while sessions do, watch from one timer a period.

import type { Clock, TimerHandle, Timers } from '../ports.js';

export interface WakeDetectorDeps {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly onWake: (deltaMs: number) => void;
  /** Called every period after the check (watch follows the credentials file from it). */
  readonly onBeat?: () => void;
  readonly periodMs?: number;
}

export const WAKE_CHECK_MS = 60_000;
/** Wall-clock and monotonic time parting by more than this means a sleep or a clock change. */
export const WAKE_DRIFT_MS = 2_000;

/**
 * How far wall-clock time outran monotonic time since the previous call (the first call
 * counts from creation): the length of a sleep or a clock change, or null when they agree.
 * The tray calls it from its minute timer, watch from watchForWake.
 */
export function wakeCheck(deps: Pick<WakeDetectorDeps, 'clock' | 'timers'>): () => number | null {
  let wall = deps.clock.now();
  let mono = deps.timers.monotonic();
  return () => {
    const nowWall = deps.clock.now();
    const nowMono = deps.timers.monotonic();
    const delta = nowWall - wall - (nowMono - mono);
    wall = nowWall;
    mono = nowMono;
    return Math.abs(delta) > WAKE_DRIFT_MS ? delta : null;
  };
}

/** Checks once a period while nothing else ticks (watch); returns stop. */
export function watchForWake(deps: WakeDetectorDeps): () => void {
  const periodMs = deps.periodMs ?? WAKE_CHECK_MS;
  const woke = wakeCheck(deps);
  let handle: TimerHandle | null = null;
  let stopped = false;
  const beat = () => {
    handle = deps.timers.setTimer(() => {
      handle = null;
      const delta = woke();
      if (delta !== null) deps.onWake(delta);
      deps.onBeat?.();
      if (!stopped) beat();
    }, periodMs);
  };
  beat();
  return () => {
    stopped = true;
    if (handle) deps.timers.clearTimer(handle);
    handle = null;
  };
}
