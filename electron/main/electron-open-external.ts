// Adapts Electron's shell.openExternal to the tray app's openExternal port: an IAM Identity
// Center sign-in page opens in the default browser. Only https pages: a URL is a command to
// the OS, and the sign-in pages AWS sends are https (a file:, an app or a custom scheme never).

export function electronOpenExternal(
  openExternal: (url: string) => Promise<void>,
  onRefused: (reason: string) => void,
): (url: string) => void {
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      onRefused('not a URL');
      return;
    }
    if (parsed.protocol !== 'https:') {
      onRefused(`only https pages are opened, not ${parsed.protocol}`);
      return;
    }
    openExternal(parsed.href).catch((error: unknown) => onRefused(error instanceof Error ? error.message : String(error)));
  };
}
