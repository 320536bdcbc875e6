// Plain-text presentation for the terminal.

import { endTime as localEndTime, span, type EndFormatter } from '../core/time.js';

export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return `${[line(headers), ...rows.map(line)].join('\n')}\n`;
}

/** HH:MM (and the date, when not today) in the machine's time zone; made on first use, not at every CLI start. */
const endTime: EndFormatter = (at, now) => (localEnd ??= localEndTime())(at, now);
let localEnd: EndFormatter | undefined;

/** "until 14:05 (42 min)", "until 2026-12-08 00:30 (11 h 0 min)", "expired at …", or "-" when there is nothing. */
export function timeLeft(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return '-';
  if (expiresAt < now) return `expired at ${endTime(expiresAt, now)}`;
  return `until ${endTime(expiresAt, now)} (${span(expiresAt - now)})`;
}
