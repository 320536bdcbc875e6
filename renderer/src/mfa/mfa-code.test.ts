import { describe, expect, it } from 'vitest';
import { SentCodes, cleanCode, judgeCode } from './mfa-code.js';

describe('cleanCode', () => {
  it.each([
    ['123 456', '123456'],
    ['123-456', '123456'],
    [' 123456\n', '123456'],
    ['12a456', '12a456'],
  ])('%j → %j', (typed, cleaned) => {
    expect(cleanCode(typed)).toBe(cleaned);
  });
});

describe('judgeCode', () => {
  const sent = new SentCodes();
  sent.remember('111111');

  it.each([
    ['12345', false, 'incomplete'],
    ['12345', true, 'invalid'],
    ['', true, 'invalid'],
    ['1234567', false, 'invalid'],
    ['12a456', false, 'invalid'],
    ['１２３４５６', false, 'invalid'],
    ['٣٣٣٣٣٣', false, 'invalid'],
    ['111111', false, 'reused'],
    ['123456', false, 'ready'],
    ['123456', true, 'ready'],
  ] as const)('%j (submitting: %s) → %s', (code, submitting, verdict) => {
    expect(judgeCode(code, sent, submitting)).toBe(verdict);
  });
});

describe('SentCodes', () => {
  it('forgets the oldest code past its limit', () => {
    const sent = new SentCodes(2);
    sent.remember('000001');
    sent.remember('000002');
    sent.remember('000003');
    expect([sent.has('000001'), sent.has('000002'), sent.has('000003')]).toEqual([false, true, true]);
  });
});
