// Adapts Electron's message box to the tray app's confirm port (the prd question). Only types
// come from 'electron'; index.ts passes dialog.showMessageBox.

import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { ConfirmQuestion } from '../app/shell-ports.js';

/** The prd question as a native message box; the safe answer (cancel) is the default. */
export function electronConfirm(
  showMessageBox: (options: MessageBoxOptions) => Promise<MessageBoxReturnValue>,
): (question: ConfirmQuestion) => Promise<boolean> {
  return async (question) => {
    const { response } = await showMessageBox({
      type: 'warning',
      title: question.title,
      message: question.title,
      detail: question.detail,
      buttons: [question.confirmLabel, question.cancelLabel],
      defaultId: 1,
      cancelId: 1,
      noLink: true,
    });
    return response === 0;
  };
}
