// Adapts Electron's message box to the tray app's confirm port (the prd question). Only types
// come from 'electron'; index.ts passes dialog.showMessageBox. A tray app is not the active
// app when its menu is used, and macOS then opens a free-standing box behind other apps: the
// app is focused first, and the box is a sheet of the window when the window is open.

import type { BaseWindow, MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { ConfirmQuestion } from '../app/shell-ports.js';

/** The prd question as a native message box; the safe answer (cancel) is the default. */
export function electronConfirm(
  showMessageBox: (parent: BaseWindow | null, options: MessageBoxOptions) => Promise<MessageBoxReturnValue>,
  /** The open window, if any (the box's parent). */
  parent: () => BaseWindow | null = () => null,
  /** app.focus({ steal: true }) on macOS: brings the app forward before asking. */
  focusApp: () => void = () => undefined,
): (question: ConfirmQuestion) => Promise<boolean> {
  return async (question) => {
    focusApp();
    const { response } = await showMessageBox(parent(), {
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
