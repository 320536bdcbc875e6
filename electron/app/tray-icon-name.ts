// Which file in assets/ the tray shows for the live environment and the renewal state on
// each platform. The files are drawn by scripts/make-icons.mjs (listed in assets/README.md).

export type TrayIconEnv = 'tes' | 'stg' | 'prd' | null;
export type TrayIconState = 'ok' | 'renewing' | 'needs-mfa' | 'failed';

/**
 * The base file name (no @2x: Electron loads `name@2x.png` beside `name.png` by itself).
 * - macOS: template images, which the menu bar tints to fit light and dark modes — except
 *   prd, whose red must survive, so it stays a coloured image.
 * - Windows: .ico files, each holding 16 and 32 px, so the shell picks the size for the DPI.
 * - Linux and the rest: coloured PNGs.
 */
export function trayIconName(env: TrayIconEnv, state: TrayIconState, platform: NodeJS.Platform): string {
  const base = `tray-${env ?? 'none'}-${state}`;
  if (platform === 'darwin') return env === 'prd' ? `${base}.png` : `${base}Template.png`;
  if (platform === 'win32') return `${base}.ico`;
  return `${base}.png`;
}
