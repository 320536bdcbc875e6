import { describe, expect, it } from 'vitest';
import { TOAST_ACTIVATOR_CLSID, startMenuShortcut } from './windows-toast-activator.js';

describe('Windows toast activator', () => {
  it('is one fixed CLSID in the brace-wrapped form Electron prefers', () => {
    expect(TOAST_ACTIVATOR_CLSID).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
  });

  it.each([
    ['C:\\Users\\u\\AppData\\Roaming', 'C:\\Users\\u\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\sts-tray.lnk'],
    ['C:\\Users\\u\\AppData\\Roaming\\', 'C:\\Users\\u\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\sts-tray.lnk'],
  ])('the Start menu shortcut under %s', (appData, expected) => {
    expect(startMenuShortcut(appData)).toBe(expected);
  });
});
