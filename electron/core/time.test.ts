import { describe, expect, it } from 'vitest';
import { clockTime, clockTimeWithSeconds, endTime, localExpiry, minutesUntil, rfc3339 } from './time.js';

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

  it('gives an end on another day its date, year first (the CLI’s status lines)', () => {
    expect(endTime('UTC')(AT + 3_600_000, AT)).toBe('01:05');
    expect(endTime('UTC')(AT - 600_000, AT)).toBe('2026-11-22 23:55');
    expect(endTime('Asia/Tokyo')(AT + 15 * 3_600_000, AT)).toBe('2026-11-24 00:05');
  });
});
