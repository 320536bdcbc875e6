import { describe, expect, it } from 'vitest';
import { SystemTimers } from './system-timers.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SystemTimers', () => {
  it('fires after the delay on the monotonic clock, and not once cleared', async () => {
    const timers = new SystemTimers();
    const start = timers.monotonic();
    const fired: number[] = [];
    timers.setTimer(() => fired.push(timers.monotonic() - start), 30);
    const cleared = timers.setTimer(() => fired.push(-1), 10);
    timers.clearTimer(cleared);
    await wait(60);
    expect(fired).toHaveLength(1);
    expect(fired[0]).toBeGreaterThanOrEqual(29);
  });

  it('fires a delay beyond what Node allows later, not at once', async () => {
    const timers = new SystemTimers();
    let fired = false;
    const handle = timers.setTimer(() => (fired = true), 40 * 24 * 3_600_000);
    await wait(20);
    expect(fired).toBe(false);
    timers.clearTimer(handle);
  });

  it.each([
    [{}, true],
    [{ unref: true }, false],
  ])('with %j, keeps the process alive: %s', (options, alive) => {
    const handle = new SystemTimers(options).setTimer(() => {}, 1000);
    expect((handle.timer as NodeJS.Timeout).hasRef()).toBe(alive);
    new SystemTimers().clearTimer(handle);
  });
});
