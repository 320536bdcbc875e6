import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foreignIniFile } from '../testing/foreign-ini-arbitrary.js';
import { jsSdkSectionName } from './ini-document.js';
import { jsSdkLineContent, jsSdkSectionKey, readAsJsSdk } from './js-sdk-view.js';

// The SDK's own expressions (@smithy/shared-ini-file-loader parseIni), written the way it writes
// them: our character scans must agree with them on every input.
const sdkLineContent = (line: string) => (line.split(/(^|\s)[;#]/)[0] ?? '').trim();

function sdkReadReference(text: string): Map<string, Map<string, string>> {
  const map = new Map<string, Map<string, string>>();
  let section: string | null = null;
  let subSection: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = sdkLineContent(line);
    if (trimmed.startsWith('[') && trimmed.endsWith(']') && trimmed.length >= 2) {
      section = jsSdkSectionKey(trimmed.slice(1, -1));
      subSection = null;
      continue;
    }
    if (!section) continue;
    const eq = trimmed.indexOf('=');
    if (eq <= 0) continue;
    const name = trimmed.slice(0, eq).trim();
    const value = trimmed.slice(eq + 1).trim();
    if (value === '') {
      subSection = name;
      continue;
    }
    if (subSection !== null && line.trimStart() === line) subSection = null;
    const entries = map.get(section) ?? new Map<string, string>();
    entries.set(subSection === null ? name : `${subSection}.${name}`, value);
    map.set(section, entries);
  }
  return map;
}

const plain = (map: Map<string, Map<string, string>>) => [...map].map(([k, v]) => [k, [...v]]);

// Characters where the two formulations could part: comment marks, every kind of space
// (JavaScript's and Python's differ), brackets, "=", line breaks.
const tricky = fc.constantFrom('[', ']', '=', '#', ';', ' ', '\t', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u3000', '\ufeff', '\u0085', '\u001c', '\r', '\n', '\r\n', 'a', 'k', 'profile ', 'sso-session ', '"', 'x.y');
const trickyText = fc.array(tricky, { maxLength: 24 }).map((parts) => parts.join(''));

describe('JS SDK view: the same result as the SDK\'s regular expressions', () => {
  it('line content and section name agree with split(/(^|\\s)[;#]/) on any line', () => {
    fc.assert(
      fc.property(trickyText, (line) => {
        expect(jsSdkLineContent(line)).toBe(sdkLineContent(line));
        const trimmed = sdkLineContent(line);
        const name = trimmed.startsWith('[') && trimmed.endsWith(']') && trimmed.length >= 2 ? trimmed.slice(1, -1) : null;
        expect(jsSdkSectionName(line)).toBe(name);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads whole files the same, generated or made of tricky pieces', () => {
    const texts = fc.oneof(foreignIniFile().map((f) => f.text), trickyText);
    fc.assert(
      fc.property(texts, (text) => {
        expect(plain(readAsJsSdk(text))).toEqual(plain(sdkReadReference(text)));
      }),
      { numRuns: 1500 },
    );
  });

  it('with `only`, keeps exactly those sections, as the full read sees them', () => {
    fc.assert(
      fc.property(foreignIniFile(), fc.array(fc.constantFrom('default', 'profile.default', 'prd-repository', 'a', 'sso-session.a'), { maxLength: 3 }), ({ text }, keys) => {
        const only = new Set<string>(keys);
        const full = readAsJsSdk(text);
        expect(plain(readAsJsSdk(text, only))).toEqual(plain(new Map([...full].filter(([key]) => only.has(key)))));
      }),
      { numRuns: 800 },
    );
  });

  it.each([
    ['CRLF and a header comment', '[a] # c\r\nk = v\r\n', [['a', [['k', 'v']]]]],
    ['a nested block and the key after it', '[a]\ns3 =\n  max = 1\nk = v\n', [['a', [['s3.max', '1'], ['k', 'v']]]]],
    ['a lone CR stays inside the line', '[a]\rk = v\n', []],
    ['a profile prefix', '[profile x]\nregion = y', [['profile.x', [['region', 'y']]]]],
  ])('%s', (_name, text, expected) => {
    expect(plain(readAsJsSdk(text))).toEqual(expected);
  });
});
