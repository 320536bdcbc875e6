// The native side of the tray app, recorded instead of shown: the clipboard, desktop
// notifications, the tray icon and menu, the prd question, the window and launch at login.
// These are the ports the shell's own modules (ClipboardGuard, NoticeCenter, TrayPresenter)
// drive in Electron, so the harness records exactly what Electron would have been given.

import type { ClipboardClear, ClipboardPort, ClipboardWrite } from '../../../electron/app/clipboard-guard.js';
import type { Notification, Notifier } from '../../../electron/app/notice-center.js';
import type { ConfirmQuestion } from '../../../electron/app/shell-ports.js';
import type { MenuEntry, TrayPort } from '../../../electron/app/tray-presenter.js';

/** A notification as shown, with its click handler kept so a test can "click" it. */
export interface ShownNotification extends Notification {
  /** Virtual time when it was shown. */
  readonly at: number;
}

export class RecordingNotifier implements Notifier {
  readonly shown: ShownNotification[] = [];

  constructor(private readonly now: () => number) {}

  show(notification: Notification): void {
    this.shown.push({ ...notification, at: this.now() });
  }
}

/** What the OS clipboard holds, and every concealed write and clear made to it. */
export class RecordingClipboard implements ClipboardPort {
  text = '';
  readonly writes: { readonly text: string; readonly at: number }[] = [];
  readonly clears: number[] = [];

  constructor(private readonly now: () => number) {}

  writeConcealed(text: string): Promise<ClipboardWrite> {
    this.text = text;
    this.writes.push({ text, at: this.now() });
    return Promise.resolve('written');
  }

  /** The user copies something else (the guard must then leave it alone). */
  userCopies(text: string): void {
    this.text = text;
  }

  clearIf(isOurs: (current: string) => boolean): Promise<ClipboardClear> {
    if (!isOurs(this.text)) return Promise.resolve('kept');
    this.text = '';
    this.clears.push(this.now());
    return Promise.resolve('cleared');
  }
}

export class RecordingTray implements TrayPort {
  image: string | null = null;
  tooltip: string | null = null;
  menu: readonly MenuEntry[] = [];
  menus = 0;

  setImage(path: string): void {
    this.image = path;
  }

  setToolTip(text: string): void {
    this.tooltip = text;
  }

  setMenu(entries: readonly MenuEntry[]): void {
    this.menu = entries;
    this.menus += 1;
  }

  /** The checkbox entries: one per role, as the user sees them in the menu. */
  roleEntries(): Extract<MenuEntry, { type: 'checkbox' }>[] {
    return this.menu.filter((e): e is Extract<MenuEntry, { type: 'checkbox' }> => e.type === 'checkbox');
  }

  /** Clicks the clickable entry with this label, in a submenu too. */
  click(label: string): void {
    const find = (entries: readonly MenuEntry[]): (() => void) | undefined => {
      for (const entry of entries) {
        if (entry.type === 'submenu') {
          const inner = find(entry.submenu);
          if (inner) return inner;
        } else if (entry.type !== 'separator' && entry.label === label && entry.click) {
          return entry.click;
        }
      }
      return undefined;
    };
    const click = find(this.menu);
    if (!click) throw new Error(`the tray menu has no clickable entry "${label}"`);
    click();
  }
}

/** The native yes/no question: records each question and answers as the test decided. */
export class RecordingConfirm {
  readonly questions: ConfirmQuestion[] = [];
  answer = false;

  readonly ask = (question: ConfirmQuestion): Promise<boolean> => {
    this.questions.push(question);
    return Promise.resolve(this.answer);
  };
}

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
}

export function recordingShell(now: () => number): RecordingShell {
  return {
    clipboard: new RecordingClipboard(now),
    notifier: new RecordingNotifier(now),
    tray: new RecordingTray(),
    confirm: new RecordingConfirm(),
    windowShown: [],
    launchAtLogin: [],
    quits: [],
    errors: [],
  };
}
