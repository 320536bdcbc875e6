import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { VirtualTime, flush } from '../core/testing/virtual-time.js';
import { SHUTDOWN_TIMEOUT_MS, becomeTrayOnlyApp, installQuitSequence, type QuitAppLike, type TrayAppLike } from './app-lifecycle.js';
import { NOW } from '../app/testing/app-view-fixture.js';

class FakeApp extends EventEmitter {
  log: string[] = [];
  lock = true;
  dock = { hide: () => void this.log.push('dock.hide') };
  requestSingleInstanceLock = () => this.lock;
  setActivationPolicy = (policy: string) => void this.log.push(`setActivationPolicy ${policy}`);
  quit = () => {
    this.log.push('quit');
    // Electron emits before-quit from quit(); a listener may hold it.
    let held = false;
    this.emit('before-quit', { preventDefault: () => (held = true) });
    if (!held) this.log.push('exited');
  };
}

describe('becomeTrayOnlyApp', () => {
  it('macOS: takes the single-instance lock, hides the Dock icon, becomes an accessory app', () => {
    const app = new FakeApp();
    expect(becomeTrayOnlyApp(app as unknown as TrayAppLike, 'darwin', () => undefined)).toBe(true);
    expect(app.log).toEqual(['setActivationPolicy accessory', 'dock.hide']);
  });

  it('elsewhere: no Dock to hide', () => {
    const app = new FakeApp();
    becomeTrayOnlyApp(app as unknown as TrayAppLike, 'linux', () => undefined);
    expect(app.log).toEqual([]);
  });

  it('a second launch shows the running instance’s window', () => {
    const app = new FakeApp();
    const shown: string[] = [];
    becomeTrayOnlyApp(app as unknown as TrayAppLike, 'win32', () => shown.push('showWindow'));
    app.emit('second-instance');
    expect(shown).toEqual(['showWindow']);
  });

  it('the second instance itself quits at once', () => {
    const app = new FakeApp();
    app.lock = false;
    expect(becomeTrayOnlyApp(app as unknown as TrayAppLike, 'linux', () => undefined)).toBe(false);
    expect(app.log).toEqual(['quit', 'exited']);
  });

  it('closing the last window does not quit (a listener on window-all-closed keeps the app)', () => {
    const app = new FakeApp();
    becomeTrayOnlyApp(app as unknown as TrayAppLike, 'linux', () => undefined);
    expect(app.listenerCount('window-all-closed')).toBe(1);
    app.emit('window-all-closed');
    expect(app.log).toEqual([]);
  });
});

describe('installQuitSequence', () => {
  function setUp(shutdown: () => Promise<void>) {
    const app = new FakeApp();
    const time = new VirtualTime(NOW);
    const errors: unknown[] = [];
    installQuitSequence({ app: app as unknown as QuitAppLike, shutdown, timers: time, onError: (e) => errors.push(e) });
    return { app, time, errors };
  }

  it('holds the first quit, awaits shutdown, then quits for real', async () => {
    let finishShutdown = () => undefined as void;
    const { app } = setUp(() => {
      app.log.push('shutdown started');
      return new Promise<void>((resolve) => (finishShutdown = () => (app.log.push('shutdown done'), resolve())));
    });
    app.quit();
    expect(app.log).toEqual(['quit', 'shutdown started']);
    app.quit();
    expect(app.log).toEqual(['quit', 'shutdown started', 'quit']);
    finishShutdown();
    await flush();
    expect(app.log).toEqual(['quit', 'shutdown started', 'quit', 'shutdown done', 'quit', 'exited']);
  });

  it('a failing shutdown is reported and the app still quits', async () => {
    const { app, errors } = setUp(() => Promise.reject(new Error('keychain locked')));
    app.quit();
    await flush();
    expect(errors).toEqual([new Error('keychain locked')]);
    expect(app.log).toEqual(['quit', 'quit', 'exited']);
  });

  it('a shutdown that hangs is abandoned after the timeout', async () => {
    const { app, time, errors } = setUp(() => new Promise<void>(() => undefined));
    app.quit();
    await time.advance(SHUTDOWN_TIMEOUT_MS - 1);
    expect(app.log).toEqual(['quit']);
    await time.advance(1);
    expect(app.log).toEqual(['quit', 'quit', 'exited']);
    expect(errors).toHaveLength(1);
  });
});
