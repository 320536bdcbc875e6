import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foreignIniFile } from '../testing/foreign-ini-arbitrary.js';
import { findSection, parseIni } from './ini-document.js';
import { type SectionEdit, markerLine, ownerOf, removeOwnedSection, removeOwnedSections, upsertOwnedSection, upsertOwnedSections } from './owned-section.js';
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

describe('owned sections: several edits in one pass', () => {
  const NAMES = ['tes', 'stg', 'prd', 'default'];
  const KEYS = ['aws_access_key_id', 'aws_secret_access_key', 'aws_session_token', 'x_security_token_expires'];

  /** A section of ours as a person may have touched it: keys re-spelled, continued, reordered, with extras and trailing lines. */
  const ownedSection = (name: string) =>
    fc
      .tuple(
        fc.boolean(),
        fc.subarray(KEYS),
        fc.constantFrom('', '  '),
        fc.constantFrom(' = ', ':', '='),
        fc.boolean(),
        fc.boolean(),
        fc.array(fc.constantFrom('', '# note', '  ', '; c'), { maxLength: 2 }),
        fc.boolean(),
      )
      .map(([blankFirst, keys, indent, delim, upper, continued, trailing, extra]) => [
        `[${name}]`,
        ...(blankFirst ? [''] : []),
        markerLine(`role ${name}`),
        ...keys.flatMap((key) => [`${indent}${upper ? key.toUpperCase() : key}${delim}old-${key}`, ...(continued ? [`${indent}    old-more`] : [])]),
        ...(extra ? [`${indent}region = kept`] : []),
        ...trailing,
      ]);

  /** A file with foreign sections before and after some of ours, in one of the file's line endings. */
  const fileWithOurs = fc
    .tuple(
      foreignIniFile({ avoid: NAMES }),
      fc.subarray(NAMES),
      fc.oneof(fc.constant({ text: '', sectionNames: [] }), foreignIniFile({ avoid: NAMES })),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
    )
    .chain(([head, ours, tail, eol, finalNewline]) =>
      fc.tuple(...ours.map(ownedSection)).map((sections) => {
        const middle = sections.flat().join(eol);
        const sep = head.text === '' || head.text.endsWith('\n') ? '' : eol;
        const rest = tail.text.replace(/^\[/gm, '[tail-');
        const text = `${head.text}${sep}${middle}${middle === '' ? '' : eol}${rest}`;
        return { text: finalNewline || text === '' ? text : text.replace(/\r?\n$/, ''), ours };
      }),
    );

  const parsed = (text: string) => {
    try {
      return parseIni(text, FILE);
    } catch {
      return null; // head and tail clashed (a duplicate section): not this property's case
    }
  };

  const oneByOne = (text: string, edits: readonly SectionEdit[]) =>
    edits.reduce((current, e) => joinLines(upsertOwnedSection(parseIni(current, FILE), e)), text);
  const keysOnly = (e: SectionEdit, keys: readonly string[]): SectionEdit => ({ ...e, entries: e.entries.filter(([key]) => keys.includes(key)) });

  it('upserting several sections gives what one upsert after another (re-parsing between) gives', () => {
    const edits = fc.uniqueArray(fc.tuple(fc.constantFrom(...NAMES), fc.nat(9), fc.subarray(KEYS, { minLength: 1 })), { selector: ([name]) => name, maxLength: 4 });
    fc.assert(
      fc.property(fileWithOurs, edits, ({ text }, wanted) => {
        const doc = parsed(text);
        if (!doc) return;
        const all = wanted.map(([name, n, keys]) => keysOnly(edit(n, name), keys));
        expect(joinLines(upsertOwnedSections(doc, all))).toBe(oneByOne(text, all));
      }),
      { numRuns: 600 },
    );
  });

  it.each([
    // Our section is last, lacks keys, and the file has no final newline: the keys added to it
    // take the newline, the new section after it ends without one.
    ['keys added at the end of a file without final newline, then a new section', `[a]\nk = v\n\n[tes]\n${markerLine('role tes')}\naws_access_key_id = old`, [keysOnly(edit(1), KEYS), edit(2, 'stg')]],
    // Dropping continued CRLF lines turns the file to mostly LF: the section after is written
    // with LF, as re-reading the file in between would choose.
    ['old continuation lines dropped change the dominant line ending', `[a]\nk = v\nl = w\n[tes]\r\n${markerLine('role tes')}\r\naws_access_key_id = old\r\n  more\r\n  more\r\n`, [keysOnly(edit(1), KEYS), edit(2, 'stg')]],
    ['a new section first, then keys added to the last one', `[tes]\n${markerLine('role tes')}`, [edit(2, 'stg'), keysOnly(edit(1), KEYS)]],
  ])('%s', (_name, text, edits) => {
    const together = joinLines(upsertOwnedSections(parseIni(text, FILE), edits));
    expect(together).toBe(oneByOne(text, edits));
    expect(together).toContain('[stg]');
  });

  it('new lines use the ending most lines use before the edit; the next edit sees the file as this one left it', () => {
    const M = markerLine('role tes');
    const ours = (eol: string, keys: readonly (readonly [string, string])[]) => keys.map(([k, v]) => `${k} = ${v}${eol}`).join('');
    // 5 CRLF lines against 3 LF: CRLF. Dropping the two old continuation lines would make it a
    // tie (LF), but the keys this edit adds still use CRLF, as a single upsert always did.
    const mostlyCrlf = `[a]\nk = v\nl = w\n[tes]\r\n${M}\r\naws_access_key_id = old\r\n  more\r\n  more\r\n`;
    expect(joinLines(upsertOwnedSection(parseIni(mostlyCrlf, FILE), edit(1)))).toBe(`[a]\nk = v\nl = w\n[tes]\r\n${M}\r\n${ours('\r\n', edit(1).entries)}`);
    // Nothing to add, so after the drop 6 CRLF lines tie with 6 LF: the section appended next is LF.
    const tie = `[a]\nk1 = v\nk2 = v\nk3 = v\nk4 = v\nk5 = v\n[tes]\r\n${M}\r\n${ours('\r\n', edit(0).entries).replace('\r\n', '\r\n  more\r\n  more\r\n')}`;
    const both = joinLines(upsertOwnedSections(parseIni(tie, FILE), [edit(1), edit(2, 'stg')]));
    expect(both).toBe(`${tie.split('[tes]')[0]}[tes]\r\n${M}\r\n${ours('\r\n', edit(1).entries)}\n[stg]\n${M}\n${ours('\n', edit(2).entries)}`);
  });

  it('removing several sections gives what one removal after another (re-parsing between) gives', () => {
    fc.assert(
      fc.property(fileWithOurs, fc.array(fc.constantFrom(...NAMES), { maxLength: 6 }), ({ text }, names) => {
        const doc = parsed(text);
        if (!doc) return;
        let oneByOne = text;
        for (const name of names) {
          const current = parseIni(oneByOne, FILE);
          if (findSection(current, name)) oneByOne = joinLines(removeOwnedSection(current, name));
        }
        expect(joinLines(removeOwnedSections(doc, names))).toBe(oneByOne);
      }),
      { numRuns: 600 },
    );
  });

  it.each([
    ['an LF file', '[a]\nk = v\n'],
    ['a CRLF file without final newline', '[a]\r\nk = v'],
    ['an empty file', ''],
  ])('writing several then removing them all gives back %s byte for byte', (_name, original) => {
    const written = joinLines(upsertOwnedSections(parseIni(original, FILE), [edit(1, 'tes'), edit(2, 'stg'), edit(3, 'prd')]));
    expect(written).toContain('[prd]');
    expect(joinLines(removeOwnedSections(parseIni(written, FILE), ['stg', 'tes', 'prd']))).toBe(original);
  });

  it('refuses the same section twice in one edit', () => {
    expect(() => upsertOwnedSections(parseIni('', FILE), [edit(1), edit(2)])).toThrow(/appears twice/);
  });

  it('refuses a section that is not ours, naming it, before anything else', () => {
    const doc = parseIni('[stg]\nk = v\n', FILE);
    expect(() => upsertOwnedSections(doc, [edit(1, 'tes'), edit(2, 'stg')])).toThrow(/\[stg\] already exists and was not written by sts-tray/);
    expect(() => removeOwnedSections(doc, ['stg'])).toThrow(/\[stg\] already exists/);
  });
});
