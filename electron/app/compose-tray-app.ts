// The tray app assembled from its parts: the controller with its clipboard guard and
// notice center, and the tray following its views. Main calls it with Electron's objects;
// the window's e2e harness calls it with recording ones, so both run the same assembly.

import type { AppServices } from '../core/app-services.js';
import type { Clock, RunMarker, Timers } from '../core/ports.js';
import { AppController } from './app-controller.js';
import { ClipboardGuard, type ClipboardPort } from './clipboard-guard.js';
import { NoticeCenter, type Notifier } from './notice-center.js';
import type { ShellPorts } from './shell-ports.js';
import type { TimeFormatter } from '../core/time.js';
import { TrayPresenter, type TrayPort } from './tray-presenter.js';
import type { TrayIconEnv, TrayIconState } from './tray-status.js';

export interface TrayAppDeps {
  readonly services: AppServices;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly systemLocale: string;
  readonly clipboard: ClipboardPort;
  /** SHA-256 of a text, for the clipboard guard. */
  readonly digest: (text: string) => string;
  readonly notifier: Notifier;
  readonly tray: TrayPort;
  readonly confirm: ShellPorts['confirm'];
  readonly showWindow: () => void;
  readonly setLaunchAtLogin: (enabled: boolean) => void;
  readonly credentialProcessLauncher: ShellPorts['credentialProcessLauncher'];
  /** Opens a console login URL in the browser, behind app/console-opener.ts's allow-list. */
  readonly openConsole: (url: string) => Promise<void>;
  readonly quit: () => void;
  /** The tray icon file for an environment and state. */
  readonly iconPath: (env: TrayIconEnv, state: TrayIconState) => string;
  readonly formatTime: TimeFormatter;
  /** An unexpected failure of the clipboard or a tray action (never carries a secret). */
  readonly onError: (context: 'clipboard' | 'tray', error: unknown) => void;
  /** Present while the tray runs (core/run-marker.ts); absent in the e2e harness. */
  readonly runMarker?: RunMarker;
  /** Opens an IAM Identity Center sign-in page in the default browser. */
  readonly openExternal?: (url: string) => void;
}

export interface TrayApp {
  readonly controller: AppController;
  readonly clipboard: ClipboardGuard;
  /** Stops the tray from following the controller's views. */
  readonly detachTray: () => void;
}

/** Builds the parts; the caller starts the controller (`controller.start()`) when ready. */
export function composeTrayApp(deps: TrayAppDeps): TrayApp {
  const { clock, timers, systemLocale, showWindow } = deps;
  // A click on "MFA session ending" opens the controller's prompt; the controller needs the
  // notice center first, hence the late binding.
  let controller: AppController | null = null;
  const clipboard = new ClipboardGuard({
    clipboard: deps.clipboard,
    digest: deps.digest,
    clock,
    timers,
    onError: (e) => deps.onError('clipboard', e),
    onRefused: (action) => controller?.clipboardRefused(action),
  });
  const notices = new NoticeCenter({
    notifier: deps.notifier,
    openMfaPrompt: (identity) => controller?.promptMfa(identity, 'expiring'),
    signIn: (identity) => void controller?.signInSso(identity),
    rotateKey: (identity) => void controller?.rotateKeyNow(identity),
    showWindow,
    systemLocale,
  });
  controller = new AppController({
    services: deps.services,
    clock,
    timers,
    systemLocale,
    shell: {
      clipboard,
      notices,
      confirm: deps.confirm,
      showWindow,
      setLaunchAtLogin: deps.setLaunchAtLogin,
      credentialProcessLauncher: deps.credentialProcessLauncher,
      openExternal: deps.openExternal,
      openConsole: deps.openConsole,
    },
    ...(deps.runMarker ? { runMarker: deps.runMarker } : {}),
  });
  const detachTray = new TrayPresenter({
    tray: deps.tray,
    controller,
    showWindow,
    quit: deps.quit,
    iconPath: deps.iconPath,
    formatTime: deps.formatTime,
    onError: (e) => deps.onError('tray', e),
  }).attach();
  return { controller, clipboard, detachTray };
}
