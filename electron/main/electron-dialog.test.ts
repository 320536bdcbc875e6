import { describe, expect, it } from 'vitest';
import type { BaseWindow, MessageBoxOptions } from 'electron';
import { electronConfirm } from './electron-dialog.js';

describe('electronConfirm', () => {
  it('asks with the confirm label and a localized cancel, cancel being the default; yes only for the confirm button', async () => {
    const asked: MessageBoxOptions[] = [];
    let answer = 0;
    const confirm = electronConfirm(
      (_parent, options) => {
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

  it('focuses the app first, and parents the box to the open window (none when closed)', async () => {
    const log: string[] = [];
    const window = { id: 'window' } as unknown as BaseWindow;
    let open: BaseWindow | null = window;
    const confirm = electronConfirm(
      (parent) => {
        log.push(`box parent=${parent === window ? 'window' : String(parent)}`);
        return Promise.resolve({ response: 1, checkboxChecked: false });
      },
      () => open,
      () => log.push('focus app'),
    );
    const question = { title: 't', detail: 'd', confirmLabel: 'y', cancelLabel: 'n' };
    await confirm(question);
    open = null;
    await confirm(question);
    expect(log).toEqual(['focus app', 'box parent=window', 'focus app', 'box parent=null']);
  });
});
