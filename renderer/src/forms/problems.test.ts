import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.js';
import { formFieldOf, issueProblems, optionalProblem, problemText, wholeNumber } from './problems.js';

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

describe('issueProblems', () => {
  const fields = ['roleName', 'tes', 'accounts'] as const;
  it.each([
    [['accounts', 'tes'], { tes: { sentence: 'bad account' } }],
    [['accounts'], { accounts: { sentence: 'bad account' } }],
    [['mfa'], { roleName: { sentence: 'bad account' } }],
    [[], { roleName: { sentence: 'bad account' } }],
  ] as const)('an issue at %j is shown at its field, else at the fallback', (path, expected) => {
    expect(issueProblems([{ path, message: 'bad account' }, { path: ['tes'], message: 'second' }], fields, 'roleName')).toEqual(expected);
  });
});

describe('optionalProblem', () => {
  const check = (value: string) => (value === 'ok' ? null : `not ok: ${value}`);
  it.each([
    ['', undefined],
    ['  ', undefined],
    [' ok ', undefined],
    [' no ', { sentence: 'not ok: no' }],
  ])('%j → %j', (text, expected) => {
    expect(optionalProblem(text, check)).toEqual(expected);
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
