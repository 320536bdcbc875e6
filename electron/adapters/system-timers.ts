// The machine's clocks and timers behind the core's Clock and Timers ports, for the shells
// that run the renewal engine for real (`sts-tray watch`, the tray).

import { performance } from 'node:perf_hooks';
import type { Clock, TimerHandle, Timers } from '../core/ports.js';

export interface SystemTimersOptions {
  /**
   * Unref'd timers do not keep the process alive. The tray wants that (Electron keeps
   * itself alive); `sts-tray watch` does not: its loop is the reason the process runs.
   */
  readonly unref?: boolean;
}

/** Node caps a timeout at 2^31 − 1 ms (~24.8 days) and fires a longer one at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export class SystemTimers implements Timers {
  private readonly unref: boolean;

  constructor(options: SystemTimersOptions = {}) {
    this.unref = options.unref ?? false;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    // A capped timer fires early; the engine then finds nothing due and plans again.
    const timer = setTimeout(callback, Math.min(MAX_DELAY_MS, Math.max(0, delayMs)));
    if (this.unref) timer.unref();
    return { timer };
  }

  clearTimer(handle: TimerHandle): void {
    // Only handles from setTimer come back here; clearTimeout ignores anything else.
    clearTimeout(handle.timer as NodeJS.Timeout);
  }

  /** performance.now(): monotonic (CLOCK_MONOTONIC on Linux, so it stands still during suspend). */
  monotonic(): number {
    return performance.now();
  }
}

/** Wall-clock time: what expiry times in STS answers and the credentials file are compared with. */
export const systemClock: Clock = { now: () => Date.now() };
