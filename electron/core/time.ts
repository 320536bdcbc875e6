// Every time the app shows or writes, in one place: the tray, the window's view, the CLI and
// the credentials file read the same clock the same way.
// - STS states expiries by its own clock; `localExpiry` turns them into ours.
// - HH:MM (24-hour, the same in every language) and HH:MM:SS for local wall-clock times,
//   with the date (year first) when an end falls on another day; the time zone is injectable
//   so tests do not depend on the machine's. Spans and dates come from the contract, which
//   the window shares.
// - RFC 3339 in UTC with whole seconds, the form AWS tools print and parse.

import { calendarDate, timeWithDateUnlessToday, type EndFormatter, type TimeFormatter } from '../contract/time-text.js';

export { span, type EndFormatter, type TimeFormatter } from '../contract/time-text.js';

/** When credentials end by our clock: STS's expiry minus STS's clock offset from ours. */
export function localExpiry(credentials: { readonly expiresAt: number; readonly serverClockOffsetMs: number }): number {
  return credentials.expiresAt - credentials.serverClockOffsetMs;
}

/** "14:05": a local time, hours and minutes. */
export function clockTime(timeZone?: string): TimeFormatter {
  // en-GB with h23 prints "14:05" and "00:30"; other locales may add AM/PM or a prefix.
  const format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
  return (epochMs) => format.format(epochMs);
}

/** "14:05:09": a local time with seconds (renewals of short sessions are seconds apart). */
export function clockTimeWithSeconds(timeZone?: string): TimeFormatter {
  const format = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone });
  return (epochMs) => format.format(epochMs);
}

/** "14:05" on `now`'s day, "2026-12-08 00:30" on another: an end after midnight says which day. */
export function endTime(timeZone?: string): EndFormatter {
  return timeWithDateUnlessToday(clockTime(timeZone), calendarDate('-', timeZone));
}

/** Whole minutes from `now` until `at`, never negative (a moment passed counts as 0). */
export function minutesUntil(now: number, at: number): number {
  return Math.max(0, Math.floor((at - now) / 60_000));
}

/** RFC 3339 in UTC, whole seconds, rounded down: never later than the real moment. */
export function rfc3339(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
