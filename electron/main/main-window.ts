// The one window (the renderer): hardened options set explicitly, navigation and new windows
// denied, every permission refused, downloads refused. Closing it destroys it and the app
// keeps running in the tray; showing it again makes a new one. Electron objects come in as
// parameters (types only are imported), so tests drive these guards with stand-ins.

import type { BrowserWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { APP_ORIGIN, appOriginOf, isRendererPage } from './app-protocol.js';

export interface WindowOptionsInput {
  readonly preloadPath: string;
  /** Off in the packaged app: devtools would hand anyone at the keyboard the renderer's IPC. */
  readonly devTools: boolean;
  readonly title?: string;
}

export function mainWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: input.title ?? 'sts-tray',
    width: 440,
    height: 640,
    minWidth: 360,
    minHeight: 480,
    // Shown on 'ready-to-show', so the user never sees an empty frame.
    show: false,
    center: true,
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preloadPath,
      // Set explicitly even where they are Electron's defaults: a default that changes, or a
      // line deleted by mistake, must not silently weaken the window.
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click opens links in new windows; setWindowOpenHandler denies those anyway,
      // and with the feature off there is no such event to begin with.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: input.devTools,
    },
  };
}

/** For app/focused-clipboard.ts: holds keyboard focus while a clipboard change lands (Wayland). */
export const TRANSIENT_WINDOW_OPTIONS: BrowserWindowConstructorOptions = {
  title: 'sts-tray: clipboard',
  width: 320,
  height: 80,
  show: false,
  center: true,
  resizable: false,
  minimizable: false,
  maximizable: false,
  skipTaskbar: true,
  alwaysOnTop: true,
  autoHideMenuBar: true,
  webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false },
};

/** Keeps the window's page where it is: no navigation, redirects, popups or webviews. */
export function guardWebContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>): void {
  contents.on('will-navigate', (event) => {
    if (!isRendererPage(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isRendererPage(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isRendererPage(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The renderer needs no permission at all: camera, clipboard-read, notifications… all refused. */
export function guardSession(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.on('will-download', (event) => event.preventDefault());
}

export type WindowLike = Pick<
  BrowserWindow,
  'isDestroyed' | 'isMinimized' | 'restore' | 'show' | 'focus' | 'once' | 'on' | 'loadURL' | 'webContents'
>;

export interface MainWindowHostDeps {
  /** Makes a new BrowserWindow from mainWindowOptions(). */
  readonly create: () => WindowLike;
  /** The renderer's page (app://sts-tray/index.html). */
  readonly url: string;
  readonly onError: (error: unknown) => void;
  /** app.focus({ steal: true }): a tray click leaves another app active on macOS, and the
   * window would open behind it. */
  readonly focusApp?: () => void;
}

export class MainWindowHost {
  private window: WindowLike | null = null;

  constructor(private readonly deps: MainWindowHostDeps) {}

  /** Shows the window, making it (guarded) when there is none. */
  show(): void {
    this.deps.focusApp?.();
    const existing = this.current();
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return;
    }
    const window = this.deps.create();
    this.window = window;
    guardWebContents(window.webContents);
    window.once('ready-to-show', () => {
      this.deps.focusApp?.();
      window.show();
      window.focus();
    });
    window.on('closed', () => {
      if (this.window === window) this.window = null;
    });
    window.loadURL(this.deps.url).catch((error: unknown) => this.deps.onError(error));
  }

  /** The live window, if there is one. */
  current(): WindowLike | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  /** Its page's webContents id, for the IPC sender check. */
  contentsId(): number | null {
    return this.current()?.webContents.id ?? null;
  }

  /** Sends an event to the page; false when there is no window, or it does not show our page. */
  send(channel: string, payload: unknown): boolean {
    const contents = this.current()?.webContents;
    if (!contents || contents.isDestroyed()) return false;
    // Navigation is denied, but should a page of another origin ever be there, it hears nothing.
    if (appOriginOf(contents.getURL()) !== APP_ORIGIN) return false;
    contents.send(channel, payload);
    return true;
  }
}
