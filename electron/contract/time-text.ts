// Lengths of time and dates as people read them, for the CLI, the tray and the window alike.
// They live in the contract because the window applies them in its own language: the rules
// (rounding, year first, a date only when the day is not today) stay the same in every shell.

export interface SpanUnits {
  readonly s: string;
  readonly min: string;
  readonly h: string;
}

export const ENGLISH_SPAN_UNITS: SpanUnits = { s: 's', min: 'min', h: 'h' };

/** A length of time for a sentence, to the nearest unit: "42 s", "42 min", "2 h 5 min" (the sign is ignored). */
export function span(ms: number, units: SpanUnits = ENGLISH_SPAN_UNITS): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 120) return `${seconds} ${units.s}`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} ${units.min}` : `${Math.floor(minutes / 60)} ${units.h} ${minutes % 60} ${units.min}`;
}

export type TimeFormatter = (epochMs: number) => string;

/**
 * "2026-12-08" or "2026/12/08": the year first, so that no reader takes the day for the month
 * (en-GB's "08/12/2026" reads as August to many). The time zone is injectable for tests.
 */
export function calendarDate(separator: '-' | '/', timeZone?: string): TimeFormatter {
  const format = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
  return (epochMs) => {
    const parts = format.formatToParts(epochMs);
    const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
    return [part('year'), part('month'), part('day')].join(separator);
  };
}

/** A moment shown against today: `(at, now) => text`. */
export type EndFormatter = (at: number, now: number) => string;

/**
 * A moment that may be tomorrow, such as an expiry: the time alone on `now`'s day, the date
 * and the time on any other (a session that ends after midnight must not read as today's).
 */
export function timeWithDateUnlessToday(time: TimeFormatter, date: TimeFormatter): EndFormatter {
  return (at, now) => {
    const day = date(at);
    return day === date(now) ? time(at) : `${day} ${time(at)}`;
  };
}
