import { describe, expect, it } from 'vitest';
import { clipboardNeedsFocus } from './clipboard-focus.js';

describe('clipboardNeedsFocus', () => {
  it.each([
    ['Wayland session (GNOME, KDE on Ubuntu/Fedora)', 'linux', { WAYLAND_DISPLAY: 'wayland-0' }, [], true],
    ['X11 session', 'linux', { DISPLAY: ':0' }, [], false],
    ['Wayland, Electron told to use X11 by flag', 'linux', { WAYLAND_DISPLAY: 'wayland-0' }, ['--ozone-platform=x11'], false],
    ['Wayland, X11 by hint variable', 'linux', { WAYLAND_DISPLAY: 'wayland-0', ELECTRON_OZONE_PLATFORM_HINT: 'x11' }, [], false],
    ['Wayland, wayland by flag', 'linux', { WAYLAND_DISPLAY: 'wayland-0' }, ['--ozone-platform=wayland'], true],
    ['Wayland, hint flag x11', 'linux', { WAYLAND_DISPLAY: 'wayland-0' }, ['--ozone-platform-hint=x11'], false],
    ['macOS', 'darwin', { WAYLAND_DISPLAY: 'wayland-0' }, [], false],
    ['Windows', 'win32', {}, [], false],
  ] as const)('%s', (_name, platform, env, argv, expected) => {
    expect(clipboardNeedsFocus({ platform, env, argv })).toBe(expected);
  });
});
