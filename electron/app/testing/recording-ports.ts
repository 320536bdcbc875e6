// The tray app's native ports, recorded instead of shown: desktop notifications, the
// clipboard, the tray icon and menu, the prd question. One set for the unit tests of the app
// layer and for the window's e2e harness, so both check what Electron would have been given.

import type { ClipboardClear, ClipboardPort, ClipboardWrite } from '../clipboard-guard.js';
import type { Notification, Notifier } from '../notice-center.js';
import type { ConfirmQuestion } from '../shell-ports.js';
import type { MenuEntry, TrayPort } from '../tray-presenter.js';

/** A notification as shown, with its click handler kept so a test can "click" it. */
export interface ShownNotification extends Notification {
  /** When it was shown (the recorder's clock; undefined without one). */
  readonly at?: number | undefined;
}

export class RecordingNotifier implements Notifier {
  readonly shown: ShownNotification[] = [];

  constructor(private readonly now?: () => number) {}

  show(notification: Notification): void {
    this.shown.push(this.now ? { ...notification, at: this.now() } : notification);
  }

  get titles(): string[] {
    return this.shown.map((n) => n.title);
  }
}

export interface RecordingClipboardOptions {
  readonly now?: () => number;
  /** Makes reads and writes take a turn of the event loop, as Electron's do. */
  readonly asynchronous?: boolean;
}

/** What the OS clipboard holds, and every concealed write and clear made to it. */
export class RecordingClipboard implements ClipboardPort {
  text = '';
  /** Whether the text was written with the concealed marker (a user's copy is not). */
  concealed = false;
  /** A Wayland compositor with no focused window of ours: drops writes and clears silently. */
  refusing = false;
  readonly writes: { readonly text: string; readonly at: number }[] = [];
  readonly clears: number[] = [];
  /** 'write' and 'clear', in order. */
  readonly log: ('write' | 'clear')[] = [];

  constructor(private readonly options: RecordingClipboardOptions = {}) {}

  async writeConcealed(text: string): Promise<ClipboardWrite> {
    await this.turn();
    if (this.refusing) return 'refused';
    this.text = text;
    this.concealed = true;
    this.writes.push({ text, at: this.now() });
    this.log.push('write');
    return 'written';
  }

  async clearIf(isOurs: (current: string) => boolean): Promise<ClipboardClear> {
    await this.turn();
    if (this.refusing) return 'refused';
    if (!isOurs(this.text)) return 'kept';
    this.text = '';
    this.concealed = false;
    this.clears.push(this.now());
    this.log.push('clear');
    return 'cleared';
  }

  /** The user copies something else (the guard must then leave it alone). */
  userCopies(text: string): void {
    this.text = text;
    this.concealed = false;
  }

  private now(): number {
    return this.options.now?.() ?? 0;
  }

  private turn(): Promise<void> {
    return this.options.asynchronous ? new Promise((resolve) => setImmediate(resolve)) : Promise.resolve();
  }
}

/** Every image, tooltip and menu the tray was given, the last of each at hand. */
export class RecordingTray implements TrayPort {
  readonly images: string[] = [];
  readonly tooltips: string[] = [];
  readonly menus: (readonly MenuEntry[])[] = [];

  setImage(path: string): void {
    this.images.push(path);
  }

  setToolTip(text: string): void {
    this.tooltips.push(text);
  }

  setMenu(entries: readonly MenuEntry[]): void {
    this.menus.push(entries);
  }

  get image(): string | null {
    return this.images.at(-1) ?? null;
  }

  get tooltip(): string | null {
    return this.tooltips.at(-1) ?? null;
  }

  get menu(): readonly MenuEntry[] {
    return this.menus.at(-1) ?? [];
  }

  /** The checkbox entries: one per role, as the user sees them in the menu. */
  roleEntries(): Extract<MenuEntry, { type: 'checkbox' }>[] {
    return this.menu.filter((e): e is Extract<MenuEntry, { type: 'checkbox' }> => e.type === 'checkbox');
  }

  /** Clicks the clickable entry with this label, in a submenu too (group headers share role names). */
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
