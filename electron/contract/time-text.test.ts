import { describe, expect, it } from 'vitest';
import { calendarDate, span, timeWithDateUnlessToday } from './time-text.js';

const HOUR = 3_600_000;
/** 2026-12-07 23:30 UTC: 08:30 the next morning in Tokyo. */
const LATE = Date.UTC(2026, 11, 7, 23, 30);

describe('time text', () => {
  it.each([
    [42_400, '42 s'],
    [-119_000, '119 s'],
    [150_000, '3 min'],
    [119 * 60_000, '119 min'],
    [125 * 60_000, '2 h 5 min'],
    [12 * HOUR - 60_000, '11 h 59 min'],
  ])('span(%d) is "%s"', (ms, text) => {
    expect(span(ms)).toBe(text);
  });

  it('spans take the reader’s units', () => {
    expect(span(12 * HOUR - 60_000, { s: '秒', min: '分', h: '時間' })).toBe('11 時間 59 分');
    expect(span(30_000, { s: '秒', min: '分', h: '時間' })).toBe('30 秒');
  });

  it('writes dates year first, in the given zone', () => {
    expect(calendarDate('-', 'UTC')(LATE)).toBe('2026-12-07');
    expect(calendarDate('/', 'Asia/Tokyo')(LATE)).toBe('2026/12/08');
  });

  it('adds the date to a moment only when it is not on today’s date', () => {
    const time = (ms: number) => new Date(ms).toISOString().slice(11, 16);
    const end = timeWithDateUnlessToday(time, calendarDate('-', 'UTC'));
    expect(end(LATE + 20 * 60_000, LATE)).toBe('23:50');
    expect(end(LATE + HOUR, LATE)).toBe('2026-12-08 00:30');
    expect(end(LATE - 24 * HOUR, LATE)).toBe('2026-12-06 23:30');
  });
});
