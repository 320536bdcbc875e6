import { describe, expect, it } from 'vitest';
import { median, percentile } from './stats.js';

describe('percentile', () => {
  it('uses the nearest-rank method', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(median(samples)).toBe(3);
    expect(percentile(samples, 95)).toBe(5);
    expect(percentile(samples, 1)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
  });
});
