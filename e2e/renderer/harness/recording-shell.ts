// The native side of the tray app, recorded instead of shown: the clipboard, desktop
// notifications, the tray icon and menu, the prd question, the window and launch at login.
// The recorders are the app layer's own (electron/app/testing/recording-ports.ts), the ports
// its modules (ClipboardGuard, NoticeCenter, TrayPresenter) drive in Electron.

import {
  RecordingClipboard,
  RecordingConfirm,
  RecordingNotifier,
  RecordingTray,
} from '../../../electron/app/testing/recording-ports.js';

export { RecordingClipboard, RecordingConfirm, RecordingNotifier, RecordingTray };
export type { ShownNotification } from '../../../electron/app/testing/recording-ports.js';

export interface RecordingShell {
  readonly clipboard: RecordingClipboard;
  readonly notifier: RecordingNotifier;
  readonly tray: RecordingTray;
  readonly confirm: RecordingConfirm;
  /** Virtual times at which main was asked to show the window. */
  readonly windowShown: number[];
  readonly launchAtLogin: boolean[];
  readonly quits: number[];
  /** Failures the shell modules reported (a tray click that threw): a test expects none. */
  readonly errors: unknown[];
  /** Pages main was asked to open in the default browser (IAM Identity Center sign-ins). */
  readonly opened: string[];
  /** Console login URLs handed to the browser (behind main's allow-list): secrets, never the page's. */
  readonly consoles: string[];
}

export function recordingShell(now: () => number): RecordingShell {
  return {
    clipboard: new RecordingClipboard({ now }),
    notifier: new RecordingNotifier(now),
    tray: new RecordingTray(),
    confirm: new RecordingConfirm(),
    windowShown: [],
    launchAtLogin: [],
    quits: [],
    errors: [],
    opened: [],
    consoles: [],
  };
}
