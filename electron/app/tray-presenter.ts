// Binds the controller's views to the tray: icon, tooltip and menu follow every view (the
// controller sends one on each change and each minute while sessions run), and menu clicks
// go back to the controller. Electron-free: the tray is a port (main/electron-tray.ts adapts a
// real Tray), so tests record what the tray received and click its entries.

import type { AppView } from '../contract/views.js';
import { mainStrings } from './main-strings.js';
import type { TrayExportFormat } from './main-strings.js';
import type { TimeFormatter } from '../core/time.js';
import { trayMenu, type TrayMenuItem } from './tray-menu.js';
import { trayStatus, type TrayIconEnv, type TrayIconState } from './tray-status.js';

/** A native menu entry, with its click already bound. */
export type MenuEntry =
  | { readonly type: 'normal'; readonly label: string; readonly enabled: boolean; readonly click?: () => void }
  | { readonly type: 'separator' }
  | { readonly type: 'checkbox'; readonly label: string; readonly checked: boolean; readonly click: () => void }
  | { readonly type: 'submenu'; readonly label: string; readonly enabled: boolean; readonly submenu: readonly MenuEntry[] };

export interface TrayPort {
  setImage(path: string): void;
  setToolTip(text: string): void;
  setMenu(entries: readonly MenuEntry[]): void;
}

/** What the tray asks of the controller (AppController has these). */
export interface TrayActions {
  switchRole(role: string): Promise<void>;
  copyExports(format: TrayExportFormat): Promise<void>;
  renewNow(): Promise<void>;
  signOutAll(): Promise<void>;
  signInSso(identity: string): Promise<void>;
  openActiveConsole(): Promise<void>;
  rotateKeyNow(identity: string): Promise<void>;
}

export interface ViewSource {
  view(): Promise<AppView>;
  onView(listener: (view: AppView) => void): () => void;
}

export interface TrayPresenterDeps {
  readonly tray: TrayPort;
  readonly controller: TrayActions & ViewSource;
  readonly showWindow: () => void;
  readonly quit: () => void;
  /** The icon file for an environment and state (main joins assets/ and tray-icon-name.ts). */
  readonly iconPath: (env: TrayIconEnv, state: TrayIconState) => string;
  readonly formatTime: TimeFormatter;
  /** A click whose action failed unexpectedly (the controller reports expected failures in its view). */
  readonly onError: (error: unknown) => void;
}

export class TrayPresenter {
  private lastView: AppView | null = null;
  private lastImage: string | null = null;
  private lastTooltip: string | null = null;
  /** The menu as last set, so a minute that changes nothing does not rebuild (and close) an open menu. */
  private lastMenuKey: string | null = null;

  constructor(private readonly deps: TrayPresenterDeps) {}

  /** Follows the controller's views from now on; returns the unsubscribe. */
  attach(): () => void {
    const off = this.deps.controller.onView((view) => this.render(view));
    this.deps.controller.view().then(
      (view) => {
        // A view pushed meanwhile is newer than this one.
        if (this.lastView === null) this.render(view);
      },
      (error: unknown) => this.deps.onError(error),
    );
    return off;
  }

  render(view: AppView): void {
    this.lastView = view;
    const strings = mainStrings(view.preferences.language, view.systemLocale);
    const status = trayStatus(view, strings);
    const image = this.deps.iconPath(status.env, status.state);
    if (image !== this.lastImage) {
      this.deps.tray.setImage(image);
      this.lastImage = image;
    }
    if (status.tooltip !== this.lastTooltip) {
      this.deps.tray.setToolTip(status.tooltip);
      this.lastTooltip = status.tooltip;
    }
    const items = trayMenu(view, strings, this.deps.formatTime);
    const key = JSON.stringify(items);
    if (key !== this.lastMenuKey) {
      this.deps.tray.setMenu(items.map((item) => this.entry(item)));
      this.lastMenuKey = key;
    }
  }

  private entry(item: TrayMenuItem): MenuEntry {
    const { controller } = this.deps;
    switch (item.kind) {
      case 'label':
        return { type: 'normal', label: item.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { type: 'checkbox', label: item.label, checked: item.checked, click: () => this.switchTo(item.role) };
      case 'copy':
        return {
          type: 'submenu',
          label: item.label,
          enabled: item.enabled,
          submenu: item.formats.map(({ format, label }) => ({
            type: 'normal',
            label,
            enabled: item.enabled,
            click: () => this.run(() => controller.copyExports(format)),
          })),
        };
      case 'action':
        return { type: 'normal', label: item.label, enabled: item.enabled, click: () => this.act(item.action) };
      case 'sso-sign-in':
        return { type: 'normal', label: item.label, enabled: item.enabled, click: () => this.run(() => controller.signInSso(item.identity)) };
      case 'rotate': {
        const [only] = item.identities;
        if (item.identities.length === 1 && only !== undefined) {
          return { type: 'normal', label: item.label, enabled: true, click: () => this.run(() => controller.rotateKeyNow(only)) };
        }
        return {
          type: 'submenu',
          label: item.label,
          enabled: true,
          submenu: item.identities.map((identity) => ({
            type: 'normal',
            label: identity,
            enabled: true,
            click: () => this.run(() => controller.rotateKeyNow(identity)),
          })),
        };
      }
    }
  }

  private act(action: Extract<TrayMenuItem, { kind: 'action' }>['action']): void {
    const { controller } = this.deps;
    switch (action) {
      case 'renew':
        return this.run(() => controller.renewNow());
      case 'console':
        return this.run(() => controller.openActiveConsole());
      case 'open':
        return this.deps.showWindow();
      case 'sign-out-all':
        return this.run(() => controller.signOutAll());
      case 'quit':
        return this.deps.quit();
    }
  }

  private switchTo(role: string): void {
    // A checkbox ticks itself when clicked. If the switch does not happen (the prd question
    // was declined), no new view arrives, so the menu is rebuilt from the last view anyway.
    this.run(async () => {
      try {
        await this.deps.controller.switchRole(role);
      } finally {
        this.lastMenuKey = null;
        if (this.lastView) this.render(this.lastView);
      }
    });
  }

  private run(action: () => Promise<void>): void {
    action().catch((error: unknown) => this.deps.onError(error));
  }
}
