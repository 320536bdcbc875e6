import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './did-you-mean.js';

describe('didYouMean', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['mfa-cod', 'mfa-code', 1],
    ['asume', 'assume', 1],
    ['jsno', 'json', 1], // a swap of neighbours is one edit
    ['', 'abc', 3],
  ])('editDistance(%s, %s) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it.each([
    ['asume', ['assume', 'export', 'status'], 'assume'],
    ['mfa-cod', ['mfa-code', 'yes'], 'mfa-code'],
    ['jsn', ['json', 'names'], 'json'],
    ['stat', ['status', 'assume'], 'status'],
    ['cred', ['credential-process', 'completion'], 'credential-process'],
    ['xyz', ['assume', 'export'], null],
    ['a', ['assume', 'export'], null],
  ] as const)('%s among %j → %s', (typed, known, expected) => {
    expect(didYouMean(typed, known)).toBe(expected);
  });
});
