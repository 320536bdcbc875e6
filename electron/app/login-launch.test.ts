import { describe, expect, it } from 'vitest';
import { loginLaunch, showsWindowAtStart } from './login-launch.js';

const base = { execPath: '/opt/sts-tray/sts-tray', appPath: '/home/u/src/sts-tray' };

describe('loginLaunch', () => {
  it.each([
    ['packaged Linux', { platform: 'linux', isPackaged: true }, { kind: 'register', executable: '/opt/sts-tray/sts-tray', args: ['--hidden'] }],
    ['packaged AppImage: the AppImage, not its mount', { platform: 'linux', isPackaged: true, appImage: '/home/u/sts-tray.AppImage' }, { kind: 'register', executable: '/home/u/sts-tray.AppImage', args: ['--hidden'] }],
    ['packaged Windows', { platform: 'win32', isPackaged: true }, { kind: 'register', executable: '/opt/sts-tray/sts-tray', args: ['--hidden'] }],
    ['npm start on Linux: Electron with the app path', { platform: 'linux', isPackaged: false }, { kind: 'register', executable: '/opt/sts-tray/sts-tray', args: ['/home/u/src/sts-tray', '--hidden'] }],
    ['npm start on Windows: Electron with the app path', { platform: 'win32', isPackaged: false }, { kind: 'register', executable: '/opt/sts-tray/sts-tray', args: ['/home/u/src/sts-tray', '--hidden'] }],
  ] as const)('%s', (_name, input, expected) => {
    expect(loginLaunch({ ...base, ...input })).toEqual(expected);
  });

  it('npm start on macOS: not registered, with the reason (a login item takes no app path)', () => {
    expect(loginLaunch({ ...base, platform: 'darwin', isPackaged: false })).toMatchObject({ kind: 'unsupported', reason: expect.stringMatching(/packaged app/) });
  });
});

describe('showsWindowAtStart', () => {
  it.each([
    ['a launch by the user, tray shown', [], false, 'present', true],
    ['the autostart launch, tray shown', ['--hidden'], false, 'present', false],
    ['macOS login item launch', [], true, 'present', false],
    ['the autostart launch on stock GNOME (no tray host)', ['--hidden'], false, 'absent', true],
    ['a launch by the user, no tray host', [], false, 'absent', true],
    ['the autostart launch, tray host unknown', ['--hidden'], false, 'unknown', false],
  ] as const)('%s', (_name, argv, openedAtLogin, trayHost, expected) => {
    expect(showsWindowAtStart({ argv, openedAtLogin, trayHost })).toBe(expected);
  });
});
