import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foreignIniFile } from '../testing/foreign-ini-arbitrary.js';
import { parseIni } from './ini-document.js';
import { type SectionEdit, markerLine, ownerOf, removeOwnedSection, upsertOwnedSection } from './owned-section.js';
import { joinLines } from './text-lines.js';

const FILE = '/home/me/.aws/credentials';

function edit(n: number, section = 'tes'): SectionEdit {
  return {
    section,
    source: 'role tes',
    entries: [
      ['aws_access_key_id', `ASIAIOSFODNN7EXAMP${String(n).padStart(2, '0')}`],
      ['aws_secret_access_key', `fake-secret-${n}`],
      ['aws_session_token', `fake-token-${n}`],
      ['x_security_token_expires', '2026-11-22T13:05:00Z'],
    ],
    conflictAdvice: 'Choose another profile name.',
  };
}

const upsert = (text: string, e: SectionEdit) => joinLines(upsertOwnedSection(parseIni(text, FILE), e));
const remove = (text: string, section = 'tes') => joinLines(removeOwnedSection(parseIni(text, FILE), section));

describe('owned sections', () => {
  it.each([
    ['an empty file', ''],
    ['a single blank line', '\n'],
    ['no final newline', '[a]\nk = v'],
    ['a comment only', '# c'],
    ['trailing blank lines', '[a]\nk = v\n\n\n'],
    ['CRLF without a final newline', '[a]\r\nk = v'],
    ['whitespace-only last line without newline', '[a]\nk = v\n  '],
  ])('write then remove gives back %s byte for byte', (_name, original) => {
    const written = upsert(original, edit(1));
    expect(written).not.toBe(original);
    expect(remove(written)).toBe(original);
  });

  it('ownership is the marker as the first non-blank line after the header', () => {
    const doc = parseIni(`[a]\n\n${markerLine('role a')}\n[b]\n# other comment\n${markerLine('role b')}\n`, FILE);
    expect(doc.sections.map((s) => ownerOf(doc, s))).toEqual(['role a', null]);
  });

  it('removing keeps the comments and blank lines that lead into the next section', () => {
    const text = `[a]\nk = v\n\n[tes]\n${markerLine('role tes')}\naws_access_key_id = X\n\n# about b\n[b]\n`;
    expect(remove(text)).toBe('[a]\nk = v\n\n# about b\n[b]\n');
  });
});

describe('owned sections: properties over generated foreign files', () => {
  const files = foreignIniFile({ avoid: ['tes'] });

  it('writing then removing our profile gives back the original bytes exactly', () => {
    fc.assert(
      fc.property(files, ({ text }) => {
        expect(remove(upsert(text, edit(1)))).toBe(text);
      }),
      { numRuns: 400 },
    );
  });

  it('a new section leaves every foreign byte where it was (only a missing final newline is added)', () => {
    fc.assert(
      fc.property(files, ({ text }) => {
        const written = upsert(text, edit(1));
        const doc = parseIni(text, FILE);
        const prefix = text === '' || /\n$/.test(text) ? text : `${text}${doc.eol}`;
        expect(written.startsWith(prefix)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('rewriting our section in the middle changes only our values', () => {
    fc.assert(
      fc.property(files, files, ({ text: before }, { text: after }) => {
        const withOurs = upsert(before, edit(1));
        // Another tool appends its own sections after ours later.
        const sep = withOurs.endsWith('\n') ? '' : '\n';
        const later = `${withOurs}${sep}${after.replace(/^\[tes\]/m, '[x-tes]')}`;
        let parsed;
        try {
          parsed = parseIni(later, FILE);
        } catch {
          return; // the appended part clashed (e.g. a duplicate section): not this property's case
        }
        const rewritten = joinLines(upsertOwnedSection(parsed, edit(2)));
        const expected = edit(1).entries.reduce((acc, [, v], i) => acc.replace(v, edit(2).entries[i]?.[1] ?? ''), later);
        expect(rewritten).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
