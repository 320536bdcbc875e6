// Electron main: the composition root. The tray app lives in electron/app and the adapters
// beside this file take their Electron objects as parameters; this file only builds them from
// the real ones, in order. index.test.ts checks the start-up order against stand-ins; the
// _electron smoke suite (e2e/electron) runs the real shell where an Electron binary exists.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BrowserWindow,
  ClipboardItem,
  Menu,
  Notification,
  Tray,
  app,
  clipboard,
  dialog,
  ipcMain,
  nativeImage,
  net,
  shell,
  powerMonitor,
  protocol,
  session,
} from 'electron';
import { serveAppCredentials } from '../adapters/app-credential-server.js';
import { composeNodeServices } from '../adapters/node-services.js';
import { sha256Hex } from '../adapters/sha256.js';
import { SystemTimers, systemClock } from '../adapters/system-timers.js';
import { describeError } from '../core/errors.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, RENDERER_URL, rendererFilesAt, serveRenderer } from './app-protocol.js';
import { becomeTrayOnlyApp, installQuitSequence } from './app-lifecycle.js';
import { composeTrayApp } from '../app/compose-tray-app.js';
import { consoleOpener } from '../app/console-opener.js';
import { electronClipboard } from './electron-clipboard.js';
import { directRoute, focusedWindowRoute } from '../app/focused-clipboard.js';
import { clipboardNeedsFocus } from '../app/clipboard-focus.js';
import { electronConfirm } from './electron-dialog.js';
import { electronOpenExternal } from './electron-open-external.js';
import { electronNotifier } from './electron-notifier.js';
import { electronTray } from './electron-tray.js';
import { dispatchRequest } from '../app/ipc-dispatch.js';
import { forwardViews, registerIpcHandlers } from './ipc-registration.js';
import { launchAtLogin } from './launch-at-login.js';
import { loginLaunch, showsWindowAtStart } from '../app/login-launch.js';
import { probeTrayHost } from '../adapters/tray-host-probe.js';
import { MainWindowHost, TRANSIENT_WINDOW_OPTIONS, guardSession, mainWindowOptions } from './main-window.js';
import { watchSystemEvents } from './system-events.js';
import { runSelfTest } from '../app/self-test.js';
import { once, watchSessionEnd, type SessionEndWindow } from './session-end.js';
import { fileRunMarker } from '../adapters/file-run-marker.js';
import { appDataFolder } from '../adapters/app-paths.js';
import { clockTime } from '../core/time.js';
import { trayIconName } from '../app/tray-icon-name.js';
import { APP_USER_MODEL_ID, TOAST_ACTIVATOR_CLSID, startMenuShortcut } from '../app/windows-toast-activator.js';

// The build's layout (dist/main/index.js beside dist/preload and dist/renderer).
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const rendererRoot = fileURLToPath(new URL('../renderer/', import.meta.url));

/** Main's log: a sentence, never a stack with values in it. */
const logError = (context: string) => (error: unknown) => console.error(`sts-tray: ${context}: ${describeError(error)}`);

// Before 'ready', or the scheme gets no origin and no secure context.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const windows = new MainWindowHost({
  create: () => new BrowserWindow(mainWindowOptions({ preloadPath, devTools: !app.isPackaged })),
  url: RENDERER_URL,
  onError: logError('window'),
  focusApp: () => {
    if (process.platform === 'darwin') app.focus({ steal: true });
  },
});
const showWindow = () => {
  if (app.isReady()) windows.show();
};

/** Module-level, so the tray is not garbage-collected (it would vanish from the menu bar). */
let tray: Tray | null = null;
/** Native objects that must live as long as the app (the hidden session-end window). */
const keptAlive = new Set<SessionEndWindow>();

async function start(): Promise<void> {
  const platform = process.platform;
  guardSession(session.defaultSession);
  const files = rendererFilesAt(rendererRoot);
  protocol.handle(APP_SCHEME, (request) => serveRenderer(request, files));

  const services = composeNodeServices(process.env, {});
  const timers = new SystemTimers({ unref: true });
  const systemLocale = app.getSystemLocale() || app.getLocale();

  const assetsDir = join(app.getAppPath(), 'assets');
  const iconName = (env: Parameters<typeof trayIconName>[0], state: Parameters<typeof trayIconName>[1]) =>
    trayIconName(env, state, platform);
  tray = new Tray(nativeImage.createFromPath(join(assetsDir, iconName(null, 'ok'))));
  const nativeTray = tray;
  if (platform === 'win32') {
    // Windows opens a tray icon's context menu on right click only; a left click should too.
    nativeTray.on('click', () => nativeTray.popUpContextMenu());
  }

  const clipboardPort = electronClipboard(
    clipboard,
    ClipboardItem,
    platform,
    clipboardNeedsFocus({ platform, env: process.env, argv: process.argv })
      ? focusedWindowRoute({
          ourWindowFocused: () => BrowserWindow.getFocusedWindow() !== null,
          openTransient: () => new BrowserWindow(TRANSIENT_WINDOW_OPTIONS),
          timers,
        })
      : directRoute,
  );
  const runMarkerPath = join(appDataFolder(process.env), 'running');
  const { controller } = composeTrayApp({
    services,
    clock: systemClock,
    timers,
    systemLocale,
    clipboard: clipboardPort,
    digest: sha256Hex,
    notifier: electronNotifier(Notification, () => Notification.isSupported(), {
      platform,
      ...(platform === 'win32' ? { handleActivation: (callback) => Notification.handleActivation(callback) } : {}),
      onFailed: (reason) => console.error(`sts-tray: a notification was not shown: ${reason.slice(0, 300)}`),
    }),
    tray: electronTray({ tray: nativeTray, buildMenu: (template) => Menu.buildFromTemplate(template), image: (path) => nativeImage.createFromPath(path) }),
    confirm: electronConfirm(
      (parent, options) => (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)),
      () => windows.current() as BrowserWindow | null,
      () => {
        if (platform === 'darwin') app.focus({ steal: true });
      },
    ),
    showWindow,
    openExternal: electronOpenExternal(
      (url) => shell.openExternal(url),
      (reason) => console.error(`sts-tray: the sign-in page was not opened: ${reason.slice(0, 300)}`),
    ),
    openConsole: consoleOpener((url) => shell.openExternal(url), process.env.STS_TRAY_SIGNIN_ENDPOINT || undefined),
    setLaunchAtLogin: launchAtLogin({
      platform,
      setLoginItemSettings: (settings) => app.setLoginItemSettings(settings),
      launch: loginLaunch({
        platform,
        isPackaged: app.isPackaged,
        execPath: process.execPath,
        appPath: app.getAppPath(),
        appImage: process.env.APPIMAGE,
      }),
      linux: {
        files: {
          write: (path, content) => {
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, content, { mode: 0o644 });
          },
          remove: (path) => rmSync(path, { force: true }),
        },
        configHome: process.env.XDG_CONFIG_HOME || join(homedir(), '.config'),
      },
      onError: logError('launch at login'),
    }),
    // From a checkout (`npm start`) the CLI built beside main, run by npm's Node; a package
    // ships no CLI, so the one the user installed is looked up on the tool's PATH.
    credentialProcessLauncher: app.isPackaged
      ? ['sts-tray']
      : [process.env.npm_node_execpath ?? 'node', join(app.getAppPath(), 'dist', 'cli', 'sts-tray.cjs')],
    quit: () => app.quit(),
    iconPath: (env, state) => join(assetsDir, iconName(env, state)),
    formatTime: clockTime(),
    onError: (context, error) => logError(context)(error),
    runMarker: fileRunMarker(runMarkerPath),
  });

  // credential_process answered from the tray's live sessions (adapters/credential-socket-server.ts).
  let credentialServer: Awaited<ReturnType<typeof serveAppCredentials>> = null;
  const shutdown = once(async () => {
    await credentialServer?.close();
    await controller.shutdown();
  });
  installQuitSequence({ app, shutdown, timers, onError: logError('quit') });
  const sessionEndWindow = watchSessionEnd({
    platform,
    powerMonitor,
    createHiddenWindow: () => new BrowserWindow({ show: false, skipTaskbar: true, webPreferences: { sandbox: true, contextIsolation: true } }),
    cleanup: () => shutdown().catch(logError('session end')),
    quit: () => app.quit(),
  });
  if (sessionEndWindow) keptAlive.add(sessionEndWindow);

  registerIpcHandlers({
    ipcMain,
    handlers: controller.handlers,
    dispatch: dispatchRequest,
    windowContentsId: () => windows.contentsId(),
    onRefused: (channel, reason) => console.warn(`sts-tray: refused ${channel} from ${reason}`),
  });
  forwardViews((listener) => controller.onView(listener), windows, logError('view'));

  watchSystemEvents({ platform, powerMonitor, net, timers, checkNow: () => controller.checkNow() });

  if (process.env.STS_TRAY_E2E === '1') {
    // For the _electron smoke suite only (e2e/electron): the tray and a way to open the window.
    (globalThis as { __stsTrayTest?: unknown }).__stsTrayTest = { tray: nativeTray, showWindow, clipboard: clipboardPort, runMarkerPath };
  }
  await controller.start();
  credentialServer = await serveAppCredentials(services, process.env, (identity, role) => controller.promptMfa(identity, 'needs-mfa', role), logError('credential socket'));

  // The autostart launch stays in the tray; a launch by the user, or a desktop that shows no
  // tray icons (stock GNOME), opens the window, so there is always a way in.
  const trayHost = await probeTrayHost(platform);
  if (trayHost === 'absent') console.warn('sts-tray: this desktop shows no tray icons (no StatusNotifierItem host); opening the window instead');
  const openedAtLogin = platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin;
  if (showsWindowAtStart({ argv: process.argv, openedAtLogin, trayHost })) showWindow();

  const reportPath = process.env.STS_TRAY_SELF_TEST;
  if (reportPath) {
    const marker = fileRunMarker(runMarkerPath);
    await runSelfTest({
      write: (text) => writeFileSync(reportPath, text),
      platform,
      trayCreated: () => !nativeTray.isDestroyed(),
      loadWindow: () =>
        new Promise((resolve) => {
          showWindow();
          const contents = windows.current()?.webContents;
          if (!contents) return resolve(null);
          const timer = setTimeout(() => resolve(null), 15_000);
          const done = () => {
            clearTimeout(timer);
            resolve(contents.getURL());
          };
          if (!contents.isLoading() && contents.getURL()) done();
          else contents.once('did-finish-load', done);
        }),
      ipcState: async () => (await dispatchRequest(controller.handlers, 'state:get', {})).ok,
      notificationsSupported: () => Notification.isSupported(),
      runMarkerWritten: () => marker.exists(),
      quit: () => app.quit(),
    });
  }
}

if (becomeTrayOnlyApp(app, process.platform, showWindow)) {
  if (process.platform === 'win32') {
    app.setAppUserModelId(APP_USER_MODEL_ID);
    // Before any notification: the CLSID Action Center clicks are routed by.
    app.setToastActivatorCLSID(TOAST_ACTIVATOR_CLSID);
    if (app.isPackaged && process.env.APPDATA) {
      // The installer's shortcut learns the same CLSID (electron-builder's NSIS sets only the
      // AppUserModelID); 'update' leaves a missing shortcut missing.
      shell.writeShortcutLink(startMenuShortcut(process.env.APPDATA), 'update', {
        target: process.execPath,
        appUserModelId: APP_USER_MODEL_ID,
        toastActivatorClsid: TOAST_ACTIVATOR_CLSID,
      });
    }
  }
  app.whenReady().then(start).catch((error: unknown) => {
    logError('start')(error);
    app.exit(1);
  });
}
