import { describe, expect, it } from 'vitest';
import { StsTrayError, describeError } from './errors.js';

describe('describeError', () => {
  it('gives the message of our errors and one line of anything else', () => {
    expect(describeError(new StsTrayError('invalid-mfa', 'invalid code'))).toBe('invalid code');
    expect(describeError(new Error('boom\n    at x (y.js:1:1)'))).toBe('unexpected error: boom');
    expect(describeError('odd')).toBe('unexpected error: odd');
  });
});
