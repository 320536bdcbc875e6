// Whether a clipboard write or clear needs a focused window of ours to land. A Wayland
// compositor takes clipboard changes only from the client with keyboard focus and drops the
// others without an error; a tray click gives no window focus. X11, macOS and Windows take
// them from any client. Electron 38 and later run natively on Wayland whenever a Wayland
// display is there, unless told to use X11 (then XWayland takes writes as X11 does).

export interface ClipboardFocusInput {
  readonly platform: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly argv: readonly string[];
}

export function clipboardNeedsFocus({ platform, env, argv }: ClipboardFocusInput): boolean {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return false;
  if (!env.WAYLAND_DISPLAY) return false;
  const ozone = argv.find((arg) => arg.startsWith('--ozone-platform='))?.slice('--ozone-platform='.length);
  if (ozone !== undefined) return ozone === 'wayland';
  const hint = argv.find((arg) => arg.startsWith('--ozone-platform-hint='))?.slice('--ozone-platform-hint='.length) ?? env.ELECTRON_OZONE_PLATFORM_HINT;
  return hint !== 'x11';
}
