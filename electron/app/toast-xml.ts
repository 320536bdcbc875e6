// The Windows toast for a notice, with a launch string naming the notice: a click on a toast
// that moved to Action Center reaches the app through Notification.handleActivation with
// only that string (the Notification object may be long gone), so the string routes it.

export const LAUNCH_PREFIX = 'sts-tray-notice:';

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

export function toastXml(id: string, title: string, body: string): string {
  return (
    `<toast launch="${escapeXml(LAUNCH_PREFIX + id)}" activationType="foreground">` +
    `<visual><binding template="ToastGeneric"><text>${escapeXml(title)}</text><text>${escapeXml(body)}</text></binding></visual>` +
    '</toast>'
  );
}

/** The notice id in an activation's launch arguments, or null when it is not one of ours. */
export function noticeIdOf(launchArguments: string): string | null {
  const at = launchArguments.indexOf(LAUNCH_PREFIX);
  if (at < 0) return null;
  const id = /^[A-Za-z0-9-]+/.exec(launchArguments.slice(at + LAUNCH_PREFIX.length))?.[0];
  return id ?? null;
}
