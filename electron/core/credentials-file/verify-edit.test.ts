import { describe, expect, it } from 'vitest';
import { StsTrayError } from '../errors.js';
import { parseIni } from './ini-document.js';
import { type SectionEdit, markerLine } from './owned-section.js';
import { type EditClaims, verifyEdit } from './verify-edit.js';

const FILE = '/home/me/.aws/credentials';
const OURS = `[tes]\n${markerLine('role tes')}\naws_access_key_id = ASIAIOSFODNN7EXAMP01\n`;
const WROTE: SectionEdit = { section: 'tes', source: 'role tes', entries: [['aws_access_key_id', 'ASIAIOSFODNN7EXAMP01']], conflictAdvice: '' };
const wrote: EditClaims = { written: [WROTE], removed: [] };

function check(before: string, after: string, claims: EditClaims = wrote): StsTrayError | null {
  try {
    verifyEdit(parseIni(before, FILE), after, claims);
    return null;
  } catch (error) {
    if (error instanceof StsTrayError) return error;
    throw error;
  }
}

describe('verifyEdit: the other sections must read the same', () => {
  it.each([
    ['our section appended after the last one (it gains a blank line)', '[a]\nk = v', `[a]\nk = v\n\n${OURS}`],
    ['trailing blank lines and comments of a section changed', '[a]\nk = v\n\n# about b\n[b]\n', `[a]\nk = v\n${OURS}\n# about b\n[b]\n`],
    ['a setting re-spelled with the same value', '[a]\nk = v\n', `[a]\nk:v\n${OURS}`],
  ])('accepts %s', (_name, before, after) => {
    expect(check(before, after)).toBeNull();
  });

  it.each([
    ['a value changed', '[a]\nk = v\n', `[a]\nk = w\n${OURS}`],
    ['a key added', '[a]\nk = v\n', `[a]\nk = v\nx = y\n${OURS}`],
    ['a continuation line lost', '[a]\nk = v\n  more\n', `[a]\nk = v\n${OURS}`],
    ['two sections swapped', '[a]\n[b]\n', `[b]\n[a]\n${OURS}`],
    ['a section lost', '[a]\n[b]\n', `[a]\n${OURS}`],
    ['a section gained', '[a]\n', `[a]\n[c]\n${OURS}`],
    ['keys in another order', '[a]\nk = 1\nl = 2\n', `[a]\nl = 2\nk = 1\n${OURS}`],
  ])('refuses %s', (_name, before, after) => {
    const error = check(before, after);
    expect(error?.code).toBe('file-unsafe');
    expect(error?.message).toMatch(/other sections would read differently/);
  });
});

describe('verifyEdit: what we claim to have written or removed', () => {
  it.each([
    ['the section is missing', '', '[a]\n', wrote, /the section would be missing/],
    ['the marker is missing', '', '[tes]\naws_access_key_id = ASIAIOSFODNN7EXAMP01\n', wrote, /the section would be missing/],
    ['botocore would read another value', '', `[tes]\n${markerLine('role tes')}\naws_access_key_id = ASIAIOSFODNN7EXAMP01\n  more\n`, wrote, /AWS CLI would not read the new aws_access_key_id/],
    ['the JS SDK would read another value', '', `[tes]\n${markerLine('role tes')}\n  s3 =\n      max = 1\n  aws_access_key_id = ASIAIOSFODNN7EXAMP01\n`, wrote, /AWS SDK for JavaScript would not read/],
    ['a removed section is still there', OURS, OURS, { written: [], removed: ['tes'] }, /the section would still be there/],
  ])('refuses when %s', (_name, before, after, claims, message) => {
    expect(check(before, after, claims)?.message).toMatch(message);
  });

  it('accepts a removal that leaves the rest as it was', () => {
    expect(check(`[a]\nk = v\n\n${OURS}`, '[a]\nk = v\n', { written: [], removed: ['tes'] })).toBeNull();
  });
});
