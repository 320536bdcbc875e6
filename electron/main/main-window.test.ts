import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { RENDERER_URL } from './app-protocol.js';
import { MainWindowHost, guardSession, guardWebContents, mainWindowOptions, type WindowLike } from './main-window.js';

/** A webContents stand-in: emits events like Electron's and records the window-open handler. */
class FakeContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeContents.nextId++;
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: [string, unknown][] = [];
  destroyed = false;
  url = '';
  getURL(): string {
    return this.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Fires a navigation-like event; true when a listener prevented it. */
  attempt(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

class FakeWindow extends EventEmitter {
  readonly webContents = new FakeContents();
  calls: string[] = [];
  destroyed = false;
  minimized = false;
  loaded: string[] = [];
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  restore = () => void this.calls.push('restore');
  show = () => void this.calls.push('show');
  focus = () => void this.calls.push('focus');
  loadURL = (url: string) => {
    this.loaded.push(url);
    this.webContents.url = url;
    return Promise.resolve();
  };
  close(): void {
    this.destroyed = true;
    this.emit('closed');
  }
}

const asWindow = (w: FakeWindow) => w as unknown as WindowLike;

describe('mainWindowOptions', () => {
  it('sets every security preference explicitly and shows only when ready', () => {
    const options = mainWindowOptions({ preloadPath: '/app/dist/preload/index.cjs', devTools: false });
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      devTools: false,
    });
    expect(options.webPreferences?.allowRunningInsecureContent).not.toBe(true);
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.webPreferences).not.toHaveProperty('additionalArguments');
  });
});

describe('guardWebContents', () => {
  const guarded = () => {
    const contents = new FakeContents();
    guardWebContents(contents as unknown as WebContents);
    return contents;
  };

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('%s: denied away from the renderer page', (event) => {
    const contents = guarded();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://localhost:3000/', 'app://sts-tray/other.html', 'app://other/index.html']) {
      expect(contents.attempt(event, url)).toBe(true);
    }
  });

  it('a reload of the renderer page itself is allowed', () => {
    const contents = guarded();
    expect(contents.attempt('will-navigate', RENDERER_URL)).toBe(false);
    expect(contents.attempt('will-navigate', `${RENDERER_URL}#/roles`)).toBe(false);
  });

  it('webviews cannot be attached', () => {
    expect(guarded().attempt('will-attach-webview', 'https://evil.example/')).toBe(true);
  });

  it('window.open and target=_blank are denied', () => {
    const contents = guarded();
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: RENDERER_URL })).toEqual({ action: 'deny' });
  });
});

describe('guardSession', () => {
  it('refuses every permission request and check, every device, and downloads', () => {
    const session = new EventEmitter() as EventEmitter & Record<string, unknown>;
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    for (const name of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler']) {
      session[name] = (handler: (...args: never[]) => unknown) => (handlers[name] = handler);
    }
    guardSession(session as unknown as Session);

    for (const permission of ['media', 'geolocation', 'clipboard-read', 'notifications', 'openExternal']) {
      const answers: boolean[] = [];
      (handlers.setPermissionRequestHandler as (wc: unknown, p: string, cb: (granted: boolean) => void) => void)(null, permission, (g) => answers.push(g));
      expect(answers).toEqual([false]);
      expect((handlers.setPermissionCheckHandler as (wc: unknown, p: string) => boolean)(null, permission)).toBe(false);
    }
    expect((handlers.setDevicePermissionHandler as (d: unknown) => boolean)({ deviceType: 'usb' })).toBe(false);

    let prevented = false;
    session.emit('will-download', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

describe('MainWindowHost', () => {
  function setUp() {
    const made: FakeWindow[] = [];
    const errors: unknown[] = [];
    const host = new MainWindowHost({
      create: () => {
        const w = new FakeWindow();
        made.push(w);
        return asWindow(w);
      },
      url: RENDERER_URL,
      onError: (e) => errors.push(e),
    });
    return { made, errors, host };
  }

  it('makes a guarded window, loads the renderer and shows it only when ready', () => {
    const { made, host } = setUp();
    host.show();
    const window = made[0] as FakeWindow;
    expect(window.loaded).toEqual([RENDERER_URL]);
    expect(window.calls).toEqual([]);
    expect(window.webContents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    window.emit('ready-to-show');
    expect(window.calls).toEqual(['show', 'focus']);
  });

  it('focuses the app before the window shows (macOS would open it behind the active app)', () => {
    const log: string[] = [];
    const made: FakeWindow[] = [];
    const host = new MainWindowHost({
      create: () => {
        const w = new FakeWindow();
        w.show = () => void log.push('show');
        made.push(w);
        return asWindow(w);
      },
      url: RENDERER_URL,
      onError: () => undefined,
      focusApp: () => log.push('focus app'),
    });
    host.show();
    made[0]?.emit('ready-to-show');
    host.show();
    expect(log).toEqual(['focus app', 'focus app', 'show', 'focus app', 'show']);
  });

  it('a second show brings the same window forward (restoring it if minimised)', () => {
    const { made, host } = setUp();
    host.show();
    const window = made[0] as FakeWindow;
    window.minimized = true;
    host.show();
    expect(made).toHaveLength(1);
    expect(window.calls).toEqual(['restore', 'show', 'focus']);
  });

  it('after the window is closed, the next show makes a new one; the app does not need it to live', () => {
    const { made, host } = setUp();
    host.show();
    (made[0] as FakeWindow).close();
    expect(host.current()).toBeNull();
    expect(host.contentsId()).toBeNull();
    host.show();
    expect(made).toHaveLength(2);
    expect(host.contentsId()).toBe((made[1] as FakeWindow).webContents.id);
  });

  it('sends events only to a live page of our origin', () => {
    const { made, host } = setUp();
    expect(host.send('sts-tray:event:state', { n: 1 })).toBe(false);
    host.show();
    const window = made[0] as FakeWindow;
    expect(host.send('sts-tray:event:state', { n: 2 })).toBe(true);
    window.webContents.url = 'https://evil.example/';
    expect(host.send('sts-tray:event:state', { n: 3 })).toBe(false);
    window.webContents.url = RENDERER_URL;
    window.webContents.destroyed = true;
    expect(host.send('sts-tray:event:state', { n: 4 })).toBe(false);
    expect(window.webContents.sent).toEqual([['sts-tray:event:state', { n: 2 }]]);
  });

  it('a page that fails to load is reported', async () => {
    const errors: unknown[] = [];
    const failing = new FakeWindow();
    failing.loadURL = () => Promise.reject(new Error('ERR_FILE_NOT_FOUND'));
    const broken = new MainWindowHost({ create: () => asWindow(failing), url: RENDERER_URL, onError: (e) => errors.push(e) });
    broken.show();
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toEqual([new Error('ERR_FILE_NOT_FOUND')]);
  });
});
