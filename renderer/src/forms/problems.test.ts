import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.js';
import { formFieldOf, problemText, wholeNumber } from './problems.js';

describe('formFieldOf', () => {
  const fields = ['roleArn', 'externalId', 'tes', 'name'] as const;
  it.each([
    ['roleArn', 'roleArn'],
    ['role.roleArn', 'roleArn'],
    ['accounts.tes', 'tes'],
    ['identity.name', 'name'],
    ['durationSeconds', null],
    [undefined, null],
  ] as const)('%s → %s', (field, expected) => {
    expect(formFieldOf(field, fields)).toBe(expected);
  });
});

describe('problemText', () => {
  it("shows a contract sentence as the core words it, behind the language's lead-in", () => {
    expect(problemText(translator('en'), { sentence: 'an AWS account ID is exactly 12 digits' })).toBe(
      'an AWS account ID is exactly 12 digits',
    );
    expect(problemText(translator('ja'), { sentence: 'an AWS account ID is exactly 12 digits' })).toBe(
      '入力内容を確認してください: an AWS account ID is exactly 12 digits',
    );
  });

  it("shows main's error behind the lead-in for its code", () => {
    expect(problemText(translator('ja'), { error: { code: 'invalid-mfa', message: 'MFA failed' } })).toBe(
      'MFA コードが正しくありません: MFA failed',
    );
  });
});

describe('wholeNumber', () => {
  it.each([
    ['3600', 3600],
    [' 900 ', 900],
    ['', Number.NaN],
    ['1e3', Number.NaN],
    ['12.5', Number.NaN],
    ['-900', Number.NaN],
  ])('%j → %d', (text, value) => {
    expect(wholeNumber(text)).toBe(value);
  });
});
