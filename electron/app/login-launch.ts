// What launch-at-login registers, and how a launch tells it was the login one. The login
// launch carries --hidden and starts in the tray; a launch by the user shows the window.
// Under `npm start` the executable is the bare Electron binary, which would open Electron's
// default app at login: there the app's path goes in as the first argument (Linux and
// Windows take arguments); macOS login items take none, so it is not registered there.

export const HIDDEN_FLAG = '--hidden';

export interface LoginLaunchInput {
  readonly platform: string;
  readonly isPackaged: boolean;
  /** process.execPath: the app, or Electron under `npm start`. */
  readonly execPath: string;
  /** app.getAppPath(): the folder Electron runs under `npm start`. */
  readonly appPath: string;
  /** $APPIMAGE when run as an AppImage: execPath is then inside its temporary mount. */
  readonly appImage?: string | undefined;
}

export type LoginLaunch =
  | { readonly kind: 'register'; readonly executable: string; readonly args: readonly string[] }
  | { readonly kind: 'unsupported'; readonly reason: string };

export function loginLaunch(input: LoginLaunchInput): LoginLaunch {
  const executable = input.platform === 'linux' && input.appImage ? input.appImage : input.execPath;
  if (input.isPackaged) return { kind: 'register', executable, args: [HIDDEN_FLAG] };
  if (input.platform === 'darwin') {
    return {
      kind: 'unsupported',
      reason: 'launch at login needs the packaged app on macOS (under npm start it would start the bare Electron app)',
    };
  }
  return { kind: 'register', executable, args: [input.appPath, HIDDEN_FLAG] };
}

export interface StartVisibilityInput {
  readonly argv: readonly string[];
  /** macOS: app.getLoginItemSettings().wasOpenedAtLogin (its login items pass no arguments). */
  readonly openedAtLogin: boolean;
  /** Whether the desktop shows tray icons at all (tray-host probe; 'unknown' when it cannot tell). */
  readonly trayHost: 'present' | 'absent' | 'unknown';
}

/** True when the window opens at start: a launch by the user, or no tray to find the app in. */
export function showsWindowAtStart(input: StartVisibilityInput): boolean {
  if (input.trayHost === 'absent') return true;
  return !(input.argv.includes(HIDDEN_FLAG) || input.openedAtLogin);
}
