// Times the tray and the CLI show: a local wall-clock time as HH:MM (24-hour, the same in
// every language) and whole minutes until a moment. The time zone is injectable so tests do
// not depend on the machine's.

export type TimeFormatter = (epochMs: number) => string;

export function clockTime(timeZone?: string): TimeFormatter {
  // en-GB with h23 prints "14:05" and "00:30"; other locales may add AM/PM or a prefix.
  const format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return (epochMs) => format.format(epochMs);
}

/** Whole minutes from `now` until `at`, never negative (a moment passed counts as 0). */
export function minutesUntil(now: number, at: number): number {
  return Math.max(0, Math.floor((at - now) / 60_000));
}
