import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron';
import { electronTray, menuTemplate } from './electron-tray.js';
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
      buildMenu: (template) => Object.assign(new EventEmitter(), { built: template }) as unknown as Menu,
      image: (path) => ({ from: path }) as unknown as NativeImage,
    });
    port.setImage('/app/assets/tray-prd-ok.png');
    port.setToolTip('PRD · prd · 42 min left');
    port.setMenu([{ type: 'separator' }]);
    expect(calls).toEqual([
      ['setImage', { from: '/app/assets/tray-prd-ok.png' }],
      ['setToolTip', 'PRD · prd · 42 min left'],
      ['setContextMenu', expect.objectContaining({ built: [{ type: 'separator' }] })],
    ]);
  });

  it('a menu that changes while open is set when it closes, not under the pointer', () => {
    const set: unknown[] = [];
    const built: EventEmitter[] = [];
    const port = electronTray({
      tray: { setImage: () => undefined, setToolTip: () => undefined, setContextMenu: (menu) => void set.push(menu) },
      buildMenu: (template) => {
        const menu = Object.assign(new EventEmitter(), { label: (template[0] as { label?: string }).label });
        built.push(menu);
        return menu as unknown as Menu;
      },
      image: (path) => ({ from: path }) as unknown as NativeImage,
    });
    port.setMenu([{ type: 'normal', label: '42 min left', enabled: false }]);
    built[0]?.emit('menu-will-show');
    port.setMenu([{ type: 'normal', label: '41 min left', enabled: false }]);
    port.setMenu([{ type: 'normal', label: '40 min left', enabled: false }]);
    expect(set).toEqual([built[0]]);
    built[0]?.emit('menu-will-close');
    expect(set).toEqual([built[0], built[2]]);
  });
});
