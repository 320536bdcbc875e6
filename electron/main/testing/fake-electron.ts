// A recording stand-in for the part of the 'electron' module index.ts uses, so the
// composition root can run in plain Node (index.test.ts mocks 'electron' with this). It
// records what main did to each object; tests then play the user and the OS.

// Each stand-in is checked against Electron's own types (`satisfies Pick<…>` for objects, a
// type assertion for classes), so a method that changes or disappears in Electron's API
// fails the typecheck here instead of passing in tests and breaking the real shell.

import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import type * as Electron from 'electron';

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
  toastActivatorCLSID = '';
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
  setAppUserModelId = (_id: string) => undefined;
  setToastActivatorCLSID = (id: string) => void (this.toastActivatorCLSID = id);
  setActivationPolicy = (_policy: 'regular' | 'accessory' | 'prohibited') => undefined;
  getLoginItemSettings = () => ({ openAtLogin: false, wasOpenedAtLogin: false }) as Electron.LoginItemSettings;
  focus = (_options?: Electron.FocusOptions) => void recorded.calls.push('app.focus');
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
  openHandler: ((details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) | null = null;
  setWindowOpenHandler = (handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) => void (this.openHandler = handler);
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
  isFocused = () => false;
  destroy = () => undefined;
  isMinimized = () => false;
  restore = () => undefined;
  show = () => void (this.visible = true);
  focus = () => undefined;
  static getFocusedWindow = (): null => null;
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
  static handleActivation = (_callback: (details: Electron.ActivationArguments) => void) => undefined;
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
    write: (items: Electron.ClipboardItem[]) => {
      clipboardText = String((items[0] as unknown as FakeClipboardItem | undefined)?.items['text/plain'] ?? '');
      return Promise.resolve();
    },
    clear: () => void (clipboardText = ''),
  } satisfies Pick<Electron.Clipboard, 'readText' | 'write' | 'clear'>,
  dialog: { showMessageBox: () => Promise.resolve({ response: 1, checkboxChecked: false }) } satisfies Pick<Electron.Dialog, 'showMessageBox'>,
  ipcMain: {
    handle: (channel: string, listener: (event: unknown, payload: unknown) => Promise<unknown>) => void recorded.ipcHandlers.set(channel, listener),
    removeHandler: (channel: string) => void recorded.ipcHandlers.delete(channel),
  },
  net: { isOnline: () => true } satisfies Pick<Electron.Net, 'isOnline'>,
  shell: { writeShortcutLink: () => false } satisfies Pick<Electron.Shell, 'writeShortcutLink'>,
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

// ---- the checks against Electron's types ----
type Methods<T, K extends keyof T> = Pick<T, K>;
/** Compiles only when A is assignable to B. */
type Assert<A extends B, B> = A;
export type ElectronShapeChecks = [
  Assert<FakeApp, Methods<Electron.App, 'requestSingleInstanceLock' | 'whenReady' | 'isReady' | 'getSystemLocale' | 'getLocale' | 'getAppPath' | 'setLoginItemSettings' | 'setAppUserModelId' | 'setToastActivatorCLSID' | 'setActivationPolicy' | 'quit' | 'exit' | 'isPackaged' | 'focus'>>,
  Assert<FakeBrowserWindow, Methods<Electron.BrowserWindow, 'isDestroyed' | 'isFocused' | 'destroy' | 'isMinimized' | 'restore' | 'show' | 'focus' | 'loadURL'>>,
  Assert<FakeWebContents, Methods<Electron.WebContents, 'id' | 'setWindowOpenHandler' | 'send' | 'getURL' | 'isDestroyed'>>,
  Assert<FakeTray, Methods<Electron.Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'popUpContextMenu'>>,
  Assert<FakeNotification, Methods<Electron.Notification, 'show'>>,
  Assert<Pick<typeof FakeNotification, 'isSupported' | 'handleActivation'>, Methods<typeof Electron.Notification, 'isSupported' | 'handleActivation'>>,
  Assert<Pick<typeof FakeBrowserWindow, 'getFocusedWindow'>, Methods<typeof Electron.BrowserWindow, 'getFocusedWindow'>>,
];

