import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { VirtualTime, flush } from '../core/testing/virtual-time.js';
import { FOCUS_WAIT_MS, focusedWindowRoute, type TransientWindow } from './focused-clipboard.js';

/** A transient window; the test plays the compositor giving it focus, or not. */
class FakeTransient extends EventEmitter {
  focused = false;
  shown = false;
  destroyed = false;
  isFocused = () => this.focused;
  show = () => void (this.shown = true);
  focus = () => undefined;
  destroy = () => void (this.destroyed = true);
  isDestroyed = () => this.destroyed;
  gainFocus(): void {
    this.focused = true;
    this.emit('focus');
  }
}

function setUp(ourWindowFocused = false) {
  const time = new VirtualTime(0);
  const windows: FakeTransient[] = [];
  const log: string[] = [];
  const route = focusedWindowRoute({
    ourWindowFocused: () => ourWindowFocused,
    openTransient: () => {
      const window = new FakeTransient();
      windows.push(window);
      return window as unknown as TransientWindow;
    },
    timers: time,
  });
  const operation = () => {
    log.push(`write (focused: ${windows.at(-1)?.focused ?? 'main window'})`);
    return Promise.resolve();
  };
  return { time, windows, log, route, operation };
}

describe('focusedWindowRoute', () => {
  it('a tray copy: shows a transient window and writes only once it has focus, then closes it', async () => {
    const { windows, log, route, operation } = setUp();
    const done = route(operation);
    await flush();
    expect(windows[0]?.shown).toBe(true);
    expect(log).toEqual([]);
    windows[0]?.gainFocus();
    expect(await done).toBe(true);
    expect(log).toEqual(['write (focused: true)']);
    expect(windows[0]?.destroyed).toBe(true);
  });

  it('no focus within the wait: the operation is not run and the route says so', async () => {
    const { time, windows, log, route, operation } = setUp();
    const done = route(operation);
    await time.advance(FOCUS_WAIT_MS);
    expect(await done).toBe(false);
    expect(log).toEqual([]);
    expect(windows[0]?.destroyed).toBe(true);
  });

  it('a copy from the focused main window runs at once, with no transient window', async () => {
    const { windows, log, route, operation } = setUp(true);
    expect(await route(operation)).toBe(true);
    expect(windows).toEqual([]);
    expect(log).toEqual(['write (focused: main window)']);
  });
});
