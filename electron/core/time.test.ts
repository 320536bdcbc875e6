import { describe, expect, it } from 'vitest';
import { clockTime, clockTimeWithSeconds, localExpiry, minutesUntil, rfc3339, span } from './time.js';

const AT = Date.UTC(2026, 10, 23, 0, 5, 9, 999);

describe('time', () => {
  it('formats local times as 24-hour HH:MM and HH:MM:SS in the given zone', () => {
    expect(clockTime('UTC')(AT)).toBe('00:05');
    expect(clockTimeWithSeconds('UTC')(AT)).toBe('00:05:09');
    expect(clockTime('Asia/Tokyo')(AT)).toBe('09:05');
  });

  it('writes RFC 3339 in UTC with whole seconds, rounded down', () => {
    expect(rfc3339(AT)).toBe('2026-11-23T00:05:09Z');
  });

  it('turns an expiry stated by STS into ours', () => {
    expect(localExpiry({ expiresAt: AT, serverClockOffsetMs: 60_000 })).toBe(AT - 60_000);
    expect(minutesUntil(AT, AT + 119_999)).toBe(1);
    expect(minutesUntil(AT, AT - 1)).toBe(0);
  });

  it.each([
    [42_400, '42 s'],
    [-119_000, '119 s'],
    [150_000, '3 min'],
    [119 * 60_000, '119 min'],
    [125 * 60_000, '2 h 5 min'],
  ])('span(%d) is "%s"', (ms, text) => {
    expect(span(ms)).toBe(text);
  });
});
