// The "absent" case runs against a real session bus (the test keyring's private one, where
// no panel runs); the other answers are dbus-send's own output, as printed by dbus 1.14.

import { describe, expect, it } from 'vitest';
import { probeTrayHost, trayHostFrom } from './tray-host-probe.js';

describe('trayHostFrom', () => {
  it.each([
    ['a host registered (KDE, GNOME with AppIndicator)', { code: 0, stdout: 'method return time=1 sender=:1.5 -> destination=:1.9 serial=7 reply_serial=2\n   variant       boolean true\n', stderr: '' }, 'present'],
    ['a watcher without a host', { code: 0, stdout: 'method return time=1\n   variant       boolean false\n', stderr: '' }, 'absent'],
    ['no watcher on the bus (stock GNOME)', { code: 1, stdout: '', stderr: 'Error org.freedesktop.DBus.Error.ServiceUnknown: The name org.kde.StatusNotifierWatcher was not provided by any .service files\n' }, 'absent'],
    ['no session bus', { code: 1, stdout: '', stderr: 'Failed to open connection to "session" message bus: Unable to autolaunch a dbus-daemon without a $DISPLAY for X11\n' }, 'unknown'],
  ] as const)('%s', (_name, result, expected) => {
    expect(trayHostFrom(result)).toBe(expected);
  });
});

describe('probeTrayHost', () => {
  it('macOS and Windows always have a place for the icon', async () => {
    expect(await probeTrayHost('darwin', () => Promise.reject(new Error('not called')))).toBe('present');
    expect(await probeTrayHost('win32', () => Promise.reject(new Error('not called')))).toBe('present');
  });

  it('no dbus-send: unknown, not absent', async () => {
    expect(await probeTrayHost('linux', () => Promise.reject(Object.assign(new Error('spawn dbus-send ENOENT'), { code: 'ENOENT' })))).toBe('unknown');
  });

  it.runIf(process.env.DBUS_SESSION_BUS_ADDRESS !== undefined)('a real session bus with no panel: absent', async () => {
    expect(await probeTrayHost('linux')).toBe('absent');
  });
});
