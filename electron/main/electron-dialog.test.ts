import { describe, expect, it } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import { electronConfirm } from './electron-dialog.js';

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
