import { describe, expect, it } from 'vitest';
import { APP_ERROR_CODES } from '../../../electron/contract/result.js';
import { en, type MessageKey } from './en.js';
import { ja } from './ja.js';
import { interpolate, resolveLanguage, translator } from './translate.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('Japanese has exactly the English keys', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en) as MessageKey[])('%s: same placeholders in both languages, no blank text', (key) => {
    expect(placeholders(ja[key])).toEqual(placeholders(en[key]));
    expect(en[key].trim()).not.toBe('');
    expect(ja[key].trim()).not.toBe('');
  });

  it("every error code has a lead-in that keeps main's sentence", () => {
    for (const code of APP_ERROR_CODES) {
      for (const language of ['en', 'ja'] as const) {
        expect(translator(language)(`error.${code}`, { message: 'the sentence' })).toContain('the sentence');
      }
    }
  });
});

describe('interpolate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('does not read inherited properties as parameters', () => {
    expect(interpolate('{constructor}', {})).toBe('{constructor}');
  });
});

describe('resolveLanguage', () => {
  it.each([
    ['en', 'ja-JP', 'ja-JP', 'en'],
    ['ja', 'en-US', 'en-US', 'ja'],
    ['system', 'ja-JP', 'en-US', 'ja'],
    ['system', 'ja', null, 'ja'],
    ['system', 'en-GB', 'ja-JP', 'en'],
    ['system', 'jv-ID', null, 'en'],
    ['system', '', 'ja-JP', 'en'],
    [null, null, 'ja-JP', 'ja'],
    [null, null, null, 'en'],
  ] as const)('preference %s, system %s, browser %s → %s', (preference, system, browser, expected) => {
    expect(resolveLanguage(preference, system, browser)).toBe(expected);
  });
});
