import { describe, expect, it } from 'vitest';
import { VirtualTime } from '../testing/virtual-time.js';
import { WAKE_CHECK_MS, watchForWake } from './wake-detector.js';

const MIN = 60_000;

describe('watchForWake', () => {
  function detector() {
    const time = new VirtualTime(Date.UTC(2026, 11, 4, 9, 0));
    const wakes: number[] = [];
    const stop = watchForWake({ clock: time, timers: time, onWake: (delta) => wakes.push(delta) });
    return { time, wakes, stop };
  }

  it('calls onWake within one period after a sleep, with how long it was, and only once', async () => {
    const { time, wakes, stop } = detector();
    await time.advance(10 * MIN);
    expect(wakes).toEqual([]);
    time.sleep(30 * MIN);
    await time.advance(WAKE_CHECK_MS);
    expect(wakes).toEqual([30 * MIN]);
    await time.advance(10 * MIN);
    expect(wakes).toEqual([30 * MIN]);
    stop();
  });

  it.each([
    ['set forward', 5 * MIN, [5 * MIN]],
    ['set back', -5 * MIN, [-5 * MIN]],
    ['nudged by NTP (1 s)', 1_000, []],
  ])('a wall clock %s is reported as such', async (_what, jump, expected) => {
    const { time, wakes, stop } = detector();
    time.jumpWall(jump);
    await time.advance(WAKE_CHECK_MS);
    expect(wakes).toEqual(expected);
    stop();
  });

  it('costs one timer per period and none once stopped', async () => {
    const { time, stop } = detector();
    await time.advance(5 * WAKE_CHECK_MS);
    expect(time.callbacks).toBe(5);
    stop();
    expect(time.nextTimerAt()).toBeNull();
  });
});
