import { describe, expect, it } from 'vitest';
import { botocoreProfileName, isLookAlike, jsSdkProfileName, shlexSplit } from './botocore-profile-name.js';

describe('shlexSplit (Python shlex.split, POSIX mode)', () => {
  // Each expectation is what python3 -c 'import shlex; print(shlex.split(…))' gives.
  it.each([
    ['profile tes', ['profile', 'tes']],
    ['profile  tes', ['profile', 'tes']],
    ['profile tes ', ['profile', 'tes']],
    ['\tprofile\ttes', ['profile', 'tes']],
    ['profile "tes"', ['profile', 'tes']],
    ["profile 'tes'", ['profile', 'tes']],
    ['profile "a b"', ['profile', 'a b']],
    ['profile a\\ b', ['profile', 'a b']],
    ['profile t"e"s', ['profile', 'tes']],
    ['profile ""', ['profile', '']],
    ['profile "a\\"b"', ['profile', 'a"b']],
    ['profile "a\\xb"', ['profile', 'a\\xb']],
    ["profile 'a\\b'", ['profile', 'a\\b']],
    ['profile # not a comment', ['profile', '#', 'not', 'a', 'comment']],
    ['profile "tes', null],
    ["profile 'tes", null],
    ['profile tes\\', null],
    ['', []],
  ])('%j -> %j', (text, words) => {
    expect(shlexSplit(text)).toEqual(words);
  });
});

describe('which profile a section header names', () => {
  it.each([
    // header text, botocore (config), JS SDK (config)
    ['profile tes', 'tes', 'tes'],
    ['profile "tes"', 'tes', 'tes'],
    ["profile 'tes'", 'tes', 'tes'],
    ['profile  tes', 'tes', null],
    ['profile tes ', 'tes', null],
    ['profiles tes', 'tes', null],
    ['profile-x tes', 'tes', null],
    ['profile', null, null],
    ['profile a b', null, null],
    ['profile "tes', null, null],
    ['default', 'default', 'default'],
    ['profile default', 'default', 'default'],
    ['tes', null, null],
    ['sso-session tes', null, null],
    ['DEFAULT', null, null],
  ])('config [%s]: botocore %j, JS SDK %j', (header, botocore, sdk) => {
    expect(botocoreProfileName(header, 'config')).toBe(botocore);
    expect(jsSdkProfileName(header, 'config')).toBe(sdk);
  });

  it.each([
    ['tes', 'tes', 'tes'],
    ['profile tes', 'profile tes', 'profile.tes'],
    ['profile.tes', 'profile.tes', 'profile.tes'],
    [' tes', ' tes', ' tes'],
    ['DEFAULT', null, null],
  ])('credentials [%s]: botocore %j, JS SDK %j', (header, botocore, sdk) => {
    expect(botocoreProfileName(header, 'credentials')).toBe(botocore);
    expect(jsSdkProfileName(header, 'credentials')).toBe(sdk);
  });

  it.each([
    ['profile "tes"', 'config', 'tes', true],
    ['profile  tes', 'config', 'tes', true],
    ['profiles tes', 'config', 'tes', true],
    ['profile tes', 'config', 'tes', false],
    ['profile default', 'config', 'default', true],
    ['profile tess', 'config', 'tes', false],
    ['profile tes', 'credentials', 'profile.tes', true],
    ['tes', 'credentials', 'tes', false],
    ['Tes', 'credentials', 'tes', false],
  ] as const)('[%s] in %s looks like profile %s: %s', (header, file, profile, expected) => {
    expect(isLookAlike(header, file, profile)).toBe(expected);
  });
});
