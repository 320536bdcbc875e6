// Launch at login (preference launchAtLogin). macOS and Windows have it in Electron
// (app.setLoginItemSettings); Linux does not, so there sts-tray writes or removes an XDG
// autostart entry (~/.config/autostart/sts-tray.desktop), which GNOME, KDE, Xfce and the
// other freedesktop sessions read at login. What is registered (the executable, --hidden,
// the app path under `npm start`) is decided in app/login-launch.ts.

import { join } from 'node:path';
import type { LoginLaunch } from '../app/login-launch.js';

export interface AutostartFiles {
  write(path: string, content: string): void;
  remove(path: string): void;
}

export interface LaunchAtLoginDeps {
  readonly platform: NodeJS.Platform;
  readonly setLoginItemSettings: (settings: { openAtLogin: boolean; path?: string; args?: string[] }) => void;
  /** What to start at login (loginLaunch), or why nothing can be. */
  readonly launch: LoginLaunch;
  readonly linux: {
    readonly files: AutostartFiles;
    /** $XDG_CONFIG_HOME or ~/.config. */
    readonly configHome: string;
  };
  readonly onError: (error: unknown) => void;
}

export const AUTOSTART_FILE = 'sts-tray.desktop';

export function launchAtLogin(deps: LaunchAtLoginDeps): (enabled: boolean) => void {
  return (enabled) => {
    try {
      const { launch } = deps;
      if (launch.kind === 'unsupported') {
        if (enabled) deps.onError(new Error(launch.reason));
        return;
      }
      if (deps.platform === 'darwin') {
        // A macOS login item is the app bundle itself; it tells itself apart by wasOpenedAtLogin.
        deps.setLoginItemSettings({ openAtLogin: enabled });
        return;
      }
      if (deps.platform === 'win32') {
        // Windows matches the entry by path and args: the same ones to set and to clear it.
        deps.setLoginItemSettings({ openAtLogin: enabled, path: launch.executable, args: [...launch.args] });
        return;
      }
      const path = join(deps.linux.configHome, 'autostart', AUTOSTART_FILE);
      if (enabled) deps.linux.files.write(path, autostartEntry(launch.executable, launch.args));
      else deps.linux.files.remove(path);
    } catch (error) {
      deps.onError(error);
    }
  };
}

/** A freedesktop Desktop Entry that starts `executable` with `args` at login. */
export function autostartEntry(executable: string, args: readonly string[] = []): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=sts-tray',
    'Comment=Short-lived AWS credentials, renewed in the background',
    `Exec=${[executable, ...args].map(desktopExecQuote).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/**
 * Quotes a path for an Exec= line: inside double quotes, the spec reserves " ` $ and \ and
 * they are escaped with a backslash; '%' starts a field code, so it is doubled; and the
 * whole value is a desktop-entry string, whose own escape for a backslash doubles it again.
 */
export function desktopExecQuote(path: string): string {
  if (/[\n\r]/.test(path)) throw new Error('the executable path contains a line break');
  if (/^[A-Za-z0-9_./+-]+$/.test(path)) return path;
  const quoted = `"${path.replace(/["`$\\]/g, (c) => `\\${c}`)}"`.replace(/%/g, '%%');
  return quoted.replace(/\\/g, '\\\\');
}
