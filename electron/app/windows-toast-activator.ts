// Windows routes a click on a toast in Action Center to the app through the COM class named
// by the Start menu shortcut's ToastActivatorCLSID, which must match the app's own
// (app.setToastActivatorCLSID). Electron would pick a random one per run; ours is fixed, so
// the shortcut the installer made, once updated with it, stays right across runs.

export const TOAST_ACTIVATOR_CLSID = '{16C41869-D488-470A-93A0-3084895DD325}';
export const APP_USER_MODEL_ID = 'dev.sts-tray.app';

/** The per-user Start menu shortcut electron-builder's one-click NSIS installer creates. */
export function startMenuShortcut(appData: string, productName = 'sts-tray'): string {
  return `${appData.replace(/[\\/]+$/, '')}\\Microsoft\\Windows\\Start Menu\\Programs\\${productName}.lnk`;
}
