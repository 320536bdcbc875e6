import { describe, expect, it } from 'vitest';
import { StsTrayError } from '../errors.js';
import { findSection, jsSdkSectionName, parseIni, sectionValues } from './ini-document.js';

const FILE = '/home/me/.aws/credentials';

function refusal(text: string): StsTrayError {
  try {
    parseIni(text, FILE);
  } catch (error) {
    if (error instanceof StsTrayError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseIni refuses files that are not unambiguous, naming the line', () => {
  it.each([
    ['a duplicate section', '[a]\nk = 1\n\n[b]\n[a]\n', /line 5: \[a\] appears a second time \(first on line 1\)/],
    ['a duplicate key', '[a]\nregion = x\nregion = y\n', /line 3: the key "region" appears a second time .*first on line 2/],
    ['a duplicate key in another case', '[a]\naws_access_key_id = A\nAWS_ACCESS_KEY_ID = B\n', /line 3: the key "aws_access_key_id" appears a second time/],
    ['a duplicate key with another delimiter', '[a]\nregion = x\nregion: y\n', /line 3: the key "region"/],
    ['a duplicate key across two [DEFAULT] blocks', '[DEFAULT]\nk = 1\n[a]\n[DEFAULT]\nk = 2\n', /line 5: the key "k"/],
    ['a setting before any header', 'region = x\n[a]\n', /line 1: there is a setting before the first \[section\] header/],
    ['a line that is no setting', '[a]\naws_access_key_id = A\nthis is not a setting\n', /line 3: this line is not a \[section\], a key = value setting/],
    ['a setting without a key', '[a]\n= value\n', /line 2: this line is not a \[section\]/],
    ['an empty header', '[a]\nk = v\n[]\n', /line 3: AWS tools disagree on whether this line starts a section/],
    ['a header the JS SDK does not see ([a]#x)', '[a]#x\nk = v\n', /line 1: AWS tools disagree/],
    ['a header the two readers name differently', '[a] ;x]\n', /line 1: AWS tools disagree/],
    ['a header indented under a setting', '[a]\nk = v\n  [b]\n', /line 3: AWS tools disagree/],
    ['a nested line without "="', '[a]\ns3 =\n  max_concurrent_requests\n', /line 3: .*nested setting "s3" has no "="/],
  ])('%s', (_name, text, message) => {
    const error = refusal(text);
    expect(error.code).toBe('file-unsafe');
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${FILE} line `)).toBe(true);
  });

  it('never quotes the text of the line it refuses (it may hold a secret)', () => {
    const secret = 'fake-secret-wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY';
    expect(refusal(`[a]\n${secret}\n`).message).not.toContain(secret);
    expect(refusal(`${secret} = x\n`).message).not.toContain(secret);
  });
});

describe('parseIni reads files the way botocore does', () => {
  it('accepts what AWS tools write and people keep', () => {
    const text = [
      '# comment', '; other comment', '', '[default]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', '',
      '[profile x]', 'region: ap-northeast-1', '  # indented comment', '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start',
      '[DEFAULT]', 'output = json', '[s3-tuned] # trailing comment', 's3 =', '    max_concurrent_requests = 20', '',
      '    multipart_threshold = 64MB', '[a]]', 'k = v',
    ].join('\n');
    const doc = parseIni(text, FILE);
    expect(doc.sections.map((s) => s.name)).toEqual(['default', 'profile x', 'sso-session corp', 'DEFAULT', 's3-tuned', 'a]']);
    const tuned = findSection(doc, 's3-tuned');
    expect(tuned && sectionValues(doc, tuned).get('s3')).toBe('\nmax_concurrent_requests = 20\n\nmultipart_threshold = 64MB');
  });

  it('lower-cases keys, takes the first = or : as the delimiter, and keeps continuations', () => {
    const doc = parseIni('[a]\nAWS_Key : x=y\nnote = first\n  second\n\n  third\n# not part\n', FILE);
    const section = doc.sections[0];
    expect(section && [...sectionValues(doc, section)]).toEqual([
      ['aws_key', 'x=y'],
      ['note', 'first\nsecond\n\nthird'],
    ]);
  });

  it('treats deeper indentation as a continuation and equal indentation as a new key', () => {
    const doc = parseIni('[a]\n  k1 = v\n  k2 = v\n    k3 = v\nk4 = v\n', FILE);
    expect(doc.lines.map((l) => l.kind)).toEqual(['header', 'option', 'option', 'continuation', 'option']);
  });

  it('reads an indented header at the top as a header', () => {
    expect(parseIni('  [a]\nk = v\n', FILE).sections.map((s) => s.name)).toEqual(['a']);
  });

  it('marks section boundaries from header to the next header', () => {
    const doc = parseIni('# top\n[a]\nk = v\n\n[b]\n', FILE);
    expect(doc.sections).toEqual([
      { name: 'a', header: 1, end: 4 },
      { name: 'b', header: 4, end: 5 },
    ]);
  });
});

describe('jsSdkSectionName', () => {
  it.each([
    ['[a]', 'a'],
    ['  [profile x]  ', 'profile x'],
    ['[a] # c', 'a'],
    ['[a]#c', null],
    ['# [a]', null],
    ['k = [a]', null],
  ])('%j -> %j', (line, name) => {
    expect(jsSdkSectionName(line)).toBe(name);
  });
});
