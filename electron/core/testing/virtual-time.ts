// Virtual time for tests of the renewal engine: a wall clock and a monotonic clock that
// tests move by hand, timers that fire in order, sleeps (wall moves, timers stand still, as
// with a suspended laptop) and wall-clock jumps. Counts timer callbacks for idle-cost checks.

import type { Clock, TimerHandle, Timers } from '../ports.js';

interface Pending {
  readonly id: number;
  readonly at: number; // monotonic
  readonly callback: () => void;
}

export class VirtualTime implements Clock, Timers {
  private wall: number;
  private mono = 0;
  private nextId = 1;
  private pending: Pending[] = [];
  /** Timer callbacks run so far. */
  callbacks = 0;

  constructor(startWall: number) {
    this.wall = startWall;
  }

  now(): number {
    return this.wall;
  }

  monotonic(): number {
    return this.mono;
  }

  setTimer(callback: () => void, delayMs: number): TimerHandle {
    const entry = { id: this.nextId++, at: this.mono + Math.max(0, delayMs), callback };
    this.pending.push(entry);
    return { timer: entry.id };
  }

  clearTimer(handle: TimerHandle): void {
    this.pending = this.pending.filter((p) => p.id !== handle.timer);
  }

  /** The monotonic time of the next timer, or null. */
  nextTimerAt(): number | null {
    return this.pending.reduce<number | null>((min, p) => (min === null || p.at < min ? p.at : min), null);
  }

  /** Moves both clocks by `ms`, running every timer that falls due, in order, and settling. */
  async advance(ms: number, settle: () => Promise<void> = flush): Promise<void> {
    const end = this.mono + ms;
    for (;;) {
      const next = this.pending.filter((p) => p.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.wall += next.at - this.mono;
      this.mono = next.at;
      this.pending = this.pending.filter((p) => p !== next);
      this.callbacks += 1;
      next.callback();
      await settle();
    }
    this.wall += end - this.mono;
    this.mono = end;
    await settle();
  }

  /** A suspended machine: the wall clock moves, the monotonic clock and timers do not. */
  sleep(ms: number): void {
    this.wall += ms;
  }

  /** The wall clock is set forward or back (NTP, the user, a time zone bug). */
  jumpWall(ms: number): void {
    this.wall += ms;
  }
}

/** Lets pending promise chains run to the end (several macrotask turns). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await new Promise<void>((resolve) => setImmediate(resolve));
}
