import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { once, watchSessionEnd, type SessionEndWindow } from './session-end.js';

function setUp(platform: NodeJS.Platform) {
  const powerMonitor = new EventEmitter();
  const windows: EventEmitter[] = [];
  const log: string[] = [];
  const kept = watchSessionEnd({
    platform,
    powerMonitor: powerMonitor as unknown as Parameters<typeof watchSessionEnd>[0]['powerMonitor'],
    createHiddenWindow: () => {
      const window = new EventEmitter();
      windows.push(window);
      return window as unknown as SessionEndWindow;
    },
    cleanup: () => {
      log.push('cleanup');
      return Promise.resolve();
    },
    quit: () => log.push('quit'),
  });
  return { powerMonitor, windows, log, kept };
}

describe('watchSessionEnd', () => {
  it('Windows logoff: the hidden window runs the cleanup once, for query-session-end and session-end', () => {
    const { windows, log, kept } = setUp('win32');
    expect(kept).toBe(windows[0]);
    windows[0]?.emit('query-session-end', { reasons: ['logoff'] });
    windows[0]?.emit('session-end', { reasons: ['logoff'] });
    expect(log).toEqual(['cleanup']);
  });

  it.each(['linux', 'darwin'] as const)('%s shutdown: quits through the quit sequence', (platform) => {
    const { powerMonitor, windows, log, kept } = setUp(platform);
    expect(kept).toBeNull();
    expect(windows).toEqual([]);
    powerMonitor.emit('shutdown');
    expect(log).toEqual(['quit']);
  });
});

describe('once', () => {
  it('a second call shares the first run', async () => {
    let runs = 0;
    const run = once(async () => void runs++);
    await Promise.all([run(), run()]);
    expect(runs).toBe(1);
  });
});
