// Whether the desktop shows tray icons at all. Linux tray icons are StatusNotifierItems,
// shown only while a host (a panel, or GNOME's AppIndicator extension) is registered with
// org.kde.StatusNotifierWatcher on the session bus; stock GNOME has neither, and Electron
// then creates a Tray nobody can see. Asked with dbus-send (Debian/Ubuntu's dbus-bin, on
// every desktop install); when it cannot be asked the answer is 'unknown', not a guess.

import { execFile } from 'node:child_process';

export type TrayHost = 'present' | 'absent' | 'unknown';

export interface CommandResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export type RunCommand = (command: string, args: readonly string[]) => Promise<CommandResult>;

export const WATCHER_QUERY: readonly string[] = [
  '--session',
  '--print-reply',
  '--reply-timeout=2000',
  '--dest=org.kde.StatusNotifierWatcher',
  '/StatusNotifierWatcher',
  'org.freedesktop.DBus.Properties.Get',
  'string:org.kde.StatusNotifierWatcher',
  'string:IsStatusNotifierHostRegistered',
];

/** Reads dbus-send's answer to the watcher query. */
export function trayHostFrom(result: CommandResult): TrayHost {
  if (result.code === 0) {
    if (/\bboolean true\b/.test(result.stdout)) return 'present';
    if (/\bboolean false\b/.test(result.stdout)) return 'absent';
    return 'unknown';
  }
  // No watcher on the bus at all: nothing will ever show our icon.
  if (/ServiceUnknown|NameHasNoOwner/.test(result.stderr)) return 'absent';
  return 'unknown';
}

export async function probeTrayHost(platform: string, run: RunCommand = runCommand): Promise<TrayHost> {
  // macOS's menu bar and Windows' notification area are always there.
  if (platform === 'darwin' || platform === 'win32') return 'present';
  try {
    return trayHostFrom(await run('dbus-send', WATCHER_QUERY));
  } catch {
    return 'unknown';
  }
}

export const runCommand: RunCommand = (command, args) =>
  new Promise((resolve, reject) => {
    execFile(command, [...args], { timeout: 3000, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code === 'string') {
        // Not started at all (ENOENT: no dbus-send).
        reject(error);
        return;
      }
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
