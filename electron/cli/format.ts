// Plain-text presentation for the terminal.

import { clockTime as localClockTime, type TimeFormatter } from '../core/time.js';

export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return `${[line(headers), ...rows.map(line)].join('\n')}\n`;
}

/** HH:MM in the machine's time zone; the formatter is made on first use, not at every CLI start. */
const clockTime: TimeFormatter = (ms) => (localClock ??= localClockTime())(ms);
let localClock: TimeFormatter | undefined;

/** "until 14:05 (42 min)", "expired", or "-" when there is nothing. */
export function timeLeft(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return '-';
  const minutes = Math.floor((expiresAt - now) / 60_000);
  if (minutes < 0) return `expired at ${clockTime(expiresAt)}`;
  const span = minutes >= 120 ? `${Math.floor(minutes / 60)} h ${minutes % 60} min` : `${minutes} min`;
  return `until ${clockTime(expiresAt)} (${span})`;
}
