import { describe, expect, it } from 'vitest';
import { formatCountdown } from './time.js';

describe('formatCountdown', () => {
  it.each([
    [0, '0:00:00'],
    [-5000, '0:00:00'],
    [1, '0:00:01'],
    [59_001, '0:01:00'],
    [3_600_000, '1:00:00'],
    [129_600_000, '36:00:00'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});
