import { describe, expect, it } from 'vitest';
import { environmentRoleArn } from './environment-roles.js';
import { asksBeforeSwitch, uiLanguage } from './switch-rules.js';

describe('asksBeforeSwitch', () => {
  it.each([
    ['prd', true, true],
    ['prd', false, false],
    ['stg', true, false],
    ['tes', true, false],
    ['other', true, false],
  ] as const)('%s with confirmPrd %s → %s', (env, confirmPrd, asks) => {
    expect(asksBeforeSwitch({ env }, { confirmPrd })).toBe(asks);
  });
});

describe('uiLanguage', () => {
  it.each([
    ['system', 'ja-JP', 'ja'],
    ['system', 'ja', 'ja'],
    ['system', 'ja_JP.UTF-8', 'ja'],
    ['system', 'jam', 'en'],
    ['system', 'jv-ID', 'en'],
    ['system', 'en-JP', 'en'],
    ['system', '', 'en'],
    ['system', 'en-US', 'en'],
    ['system', null, 'en'],
    ['en', 'ja-JP', 'en'],
    ['ja', 'en-US', 'ja'],
  ] as const)('%s with locale %s → %s', (preference, locale, language) => {
    expect(uiLanguage(preference, locale)).toBe(language);
  });
});

describe('environmentRoleArn', () => {
  it('names the IAM role <env>-<role> in the given account', () => {
    expect(environmentRoleArn('222222222222', 'stg', 'deployer')).toBe('arn:aws:iam::222222222222:role/stg-deployer');
  });
});
