// A recording stand-in for the part of the 'electron' module index.ts uses, so the
// composition root can run in plain Node (index.test.ts mocks 'electron' with this). It
// records what main did to each object; tests then play the user and the OS.

import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';

export const recorded = {
  /** In call order, across objects: shows that schemes are registered before 'ready'. */
  calls: [] as string[],
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: { url: string; method: string }) => Promise<Response> | Response>(),
  ipcHandlers: new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>(),
  trays: [] as FakeTray[],
  windows: [] as FakeBrowserWindow[],
  notifications: [] as FakeNotification[],
  loginItems: [] as unknown[],
  exitCodes: [] as number[],
};

class FakeApp extends EventEmitter {
  isPackaged = false;
  private ready = false;
  private markReady: () => void = () => undefined;
  private readonly readyPromise = new Promise<void>((resolve) => (this.markReady = resolve));
  readonly dock = undefined;
  requestSingleInstanceLock = () => true;
  whenReady = () => this.readyPromise;
  isReady = () => this.ready;
  getSystemLocale = () => 'en-US';
  getLocale = () => 'en-US';
  /** The repository root: assets/ is there. */
  getAppPath = () => fileURLToPath(new URL('../../../', import.meta.url));
  setLoginItemSettings = (settings: unknown) => void recorded.loginItems.push(settings);
  setAppUserModelId = () => undefined;
  setActivationPolicy = () => undefined;
  quit = () => {
    recorded.calls.push('app.quit');
    let held = false;
    this.emit('before-quit', { preventDefault: () => (held = true) });
    if (!held) recorded.calls.push('app exited');
  };
  exit = (code: number) => void recorded.exitCodes.push(code);
  /** The test says when Electron is ready. */
  becomeReady(): void {
    recorded.calls.push('ready');
    this.ready = true;
    this.markReady();
  }
}

export class FakeWebContents extends EventEmitter {
  private static nextId = 100;
  readonly id = FakeWebContents.nextId++;
  sent: [string, unknown][] = [];
  openHandler: (() => unknown) | null = null;
  setWindowOpenHandler = (handler: () => unknown) => void (this.openHandler = handler);
  send = (channel: string, payload: unknown) => void this.sent.push([channel, payload]);
  url = '';
  getURL = () => this.url;
  isDestroyed = () => false;
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loaded: string[] = [];
  visible = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    recorded.windows.push(this);
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  restore = () => undefined;
  show = () => void (this.visible = true);
  focus = () => undefined;
  loadURL = (url: string) => {
    this.loaded.push(url);
    this.webContents.url = url;
    return Promise.resolve();
  };
}

export class FakeTray extends EventEmitter {
  image: unknown;
  tooltip = '';
  menu: unknown = null;
  constructor(image: unknown) {
    super();
    this.image = image;
    recorded.trays.push(this);
  }
  setImage = (image: unknown) => void (this.image = image);
  setToolTip = (text: string) => void (this.tooltip = text);
  setContextMenu = (menu: unknown) => void (this.menu = menu);
  popUpContextMenu = () => undefined;
}

export class FakeNotification extends EventEmitter {
  static isSupported = () => true;
  constructor(readonly options: unknown) {
    super();
    recorded.notifications.push(this);
  }
  show = () => undefined;
}

class FakeClipboardItem {
  constructor(readonly items: Record<string, unknown>) {}
}

let clipboardText = '';
const fakeSession = Object.assign(new EventEmitter(), {
  setPermissionRequestHandler: () => undefined,
  setPermissionCheckHandler: () => undefined,
  setDevicePermissionHandler: () => undefined,
});

export const app = new FakeApp();

export const fakeElectron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Notification: FakeNotification,
  ClipboardItem: FakeClipboardItem,
  Menu: { buildFromTemplate: (template: unknown) => Object.assign(new EventEmitter(), { template }) },
  nativeImage: { createFromPath: (path: string) => ({ path }) },
  clipboard: {
    readText: () => Promise.resolve(clipboardText),
    write: (items: FakeClipboardItem[]) => {
      clipboardText = String(items[0]?.items['text/plain'] ?? '');
      return Promise.resolve();
    },
    clear: () => void (clipboardText = ''),
  },
  dialog: { showMessageBox: () => Promise.resolve({ response: 1, checkboxChecked: false }) },
  ipcMain: {
    handle: (channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) => void recorded.ipcHandlers.set(channel, listener),
    removeHandler: (channel: string) => void recorded.ipcHandlers.delete(channel),
  },
  net: { isOnline: () => true },
  powerMonitor: new EventEmitter(),
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      recorded.calls.push('registerSchemesAsPrivileged');
      recorded.schemes.push(...schemes);
    },
    handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) => {
      recorded.calls.push(`protocol.handle ${scheme}`);
      recorded.protocolHandlers.set(scheme, handler);
    },
  },
  session: { defaultSession: fakeSession },
};
