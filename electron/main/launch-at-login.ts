// Launch at login (preference launchAtLogin). macOS and Windows have it in Electron
// (app.setLoginItemSettings); Linux does not, so there sts-tray writes or removes an XDG
// autostart entry (~/.config/autostart/sts-tray.desktop), which GNOME, KDE, Xfce and the
// other freedesktop sessions read at login.

import { join } from 'node:path';

export interface AutostartFiles {
  write(path: string, content: string): void;
  remove(path: string): void;
}

export interface LaunchAtLoginDeps {
  readonly platform: NodeJS.Platform;
  readonly setLoginItemSettings: (settings: { openAtLogin: boolean }) => void;
  readonly linux: {
    readonly files: AutostartFiles;
    /** $XDG_CONFIG_HOME or ~/.config. */
    readonly configHome: string;
    /** What to start: the AppImage ($APPIMAGE) or the installed binary. */
    readonly executable: string;
  };
  readonly onError: (error: unknown) => void;
}

export const AUTOSTART_FILE = 'sts-tray.desktop';

export function launchAtLogin(deps: LaunchAtLoginDeps): (enabled: boolean) => void {
  return (enabled) => {
    try {
      if (deps.platform === 'darwin' || deps.platform === 'win32') {
        deps.setLoginItemSettings({ openAtLogin: enabled });
        return;
      }
      const path = join(deps.linux.configHome, 'autostart', AUTOSTART_FILE);
      if (enabled) deps.linux.files.write(path, autostartEntry(deps.linux.executable));
      else deps.linux.files.remove(path);
    } catch (error) {
      deps.onError(error);
    }
  };
}

/** A freedesktop Desktop Entry that starts `executable` at login. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=sts-tray',
    'Comment=Short-lived AWS credentials, renewed in the background',
    `Exec=${desktopExecQuote(executable)}`,
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
