import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Menu, MenuItemConstructorOptions, MessageBoxOptions, NativeImage, NotificationConstructorOptions } from 'electron';
import { MAX_RETAINED_NOTIFICATIONS, electronConfirm, electronNotifier, electronTray, menuTemplate } from './electron-ports.js';
import type { MenuEntry } from '../app/tray-presenter.js';

describe('menuTemplate', () => {
  it('maps each entry to Electron’s template one to one, clicks included', () => {
    const clicks: string[] = [];
    const entries: MenuEntry[] = [
      { type: 'normal', label: 'tes · tes', enabled: false },
      { type: 'separator' },
      { type: 'checkbox', label: 'tes', checked: true, click: () => clicks.push('tes') },
      { type: 'submenu', label: 'Copy export lines', enabled: true, submenu: [{ type: 'normal', label: 'fish', enabled: true, click: () => clicks.push('fish') }] },
      { type: 'normal', label: 'Quit', enabled: true, click: () => clicks.push('quit') },
    ];
    const template = menuTemplate(entries);
    expect(template).toEqual([
      { label: 'tes · tes', enabled: false },
      { type: 'separator' },
      { type: 'checkbox', label: 'tes', checked: true, click: expect.any(Function) },
      { label: 'Copy export lines', enabled: true, submenu: [{ label: 'fish', enabled: true, click: expect.any(Function) }] },
      { label: 'Quit', enabled: true, click: expect.any(Function) },
    ]);
    const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();
    click(template[2]);
    click((template[3]?.submenu as MenuItemConstructorOptions[])[0]);
    click(template[4]);
    expect(clicks).toEqual(['tes', 'fish', 'quit']);
  });
});

describe('electronTray', () => {
  it('hands the tray a native image from the path, the tooltip, and a menu built from the template', () => {
    const calls: unknown[][] = [];
    const port = electronTray({
      tray: {
        setImage: (image) => void calls.push(['setImage', image]),
        setToolTip: (text) => void calls.push(['setToolTip', text]),
        setContextMenu: (menu) => void calls.push(['setContextMenu', menu]),
      },
      buildMenu: (template) => ({ built: template }) as unknown as Menu,
      image: (path) => ({ from: path }) as unknown as NativeImage,
    });
    port.setImage('/app/assets/tray-prd-ok.png');
    port.setToolTip('PRD · prd · 42 min left');
    port.setMenu([{ type: 'separator' }]);
    expect(calls).toEqual([
      ['setImage', { from: '/app/assets/tray-prd-ok.png' }],
      ['setToolTip', 'PRD · prd · 42 min left'],
      ['setContextMenu', { built: [{ type: 'separator' }] }],
    ]);
  });
});

describe('electronNotifier', () => {
  class FakeNotification extends EventEmitter {
    static made: FakeNotification[] = [];
    shown = false;
    constructor(readonly options: NotificationConstructorOptions) {
      super();
      FakeNotification.made.push(this);
    }
    show(): void {
      this.shown = true;
    }
  }

  it('shows a Notification with title and body; a click runs onClick once', () => {
    FakeNotification.made = [];
    const clicked: string[] = [];
    const notifier = electronNotifier(FakeNotification, () => true);
    notifier.show({ title: 'MFA session ending soon', body: 'ends in 5 min', onClick: () => clicked.push('prompt') });
    const made = FakeNotification.made[0];
    expect(made?.options).toEqual({ title: 'MFA session ending soon', body: 'ends in 5 min' });
    expect(made?.shown).toBe(true);
    made?.emit('click');
    expect(clicked).toEqual(['prompt']);
  });

  it('keeps a reference until the notification is clicked, closed or failed, and caps how many it keeps', () => {
    FakeNotification.made = [];
    const notifier = electronNotifier(FakeNotification, () => true);
    notifier.show({ title: 'a', body: '' });
    notifier.show({ title: 'b', body: '' });
    notifier.show({ title: 'c', body: '' });
    expect(notifier.retained()).toBe(3);
    FakeNotification.made[0]?.emit('click');
    FakeNotification.made[1]?.emit('close', {});
    FakeNotification.made[2]?.emit('failed', {}, 'no notification server');
    expect(notifier.retained()).toBe(0);
    for (let i = 0; i < MAX_RETAINED_NOTIFICATIONS + 5; i += 1) notifier.show({ title: `n${i}`, body: '' });
    expect(notifier.retained()).toBe(MAX_RETAINED_NOTIFICATIONS);
  });

  it('does nothing where the desktop has no notifications', () => {
    FakeNotification.made = [];
    electronNotifier(FakeNotification, () => false).show({ title: 't', body: 'b' });
    expect(FakeNotification.made).toEqual([]);
  });
});

describe('electronConfirm', () => {
  it('asks with the confirm label and a localized cancel, cancel being the default; yes only for the confirm button', async () => {
    const asked: MessageBoxOptions[] = [];
    let answer = 0;
    const confirm = electronConfirm(
      (options) => {
        asked.push(options);
        return Promise.resolve({ response: answer, checkboxChecked: false });
      },
    );
    const question = {
      title: 'Switch to prd role "prd"?',
      detail: 'arn:aws:iam::444444444444:role/prd',
      confirmLabel: 'Switch to prd',
      cancelLabel: 'キャンセル',
    };
    expect(await confirm(question)).toBe(true);
    answer = 1;
    expect(await confirm(question)).toBe(false);
    expect(asked[0]).toMatchObject({ buttons: ['Switch to prd', 'キャンセル'], defaultId: 1, cancelId: 1, message: question.title, detail: question.detail });
  });
});
