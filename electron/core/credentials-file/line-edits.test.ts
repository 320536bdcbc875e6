import { describe, expect, it } from 'vitest';
import { LineEdits } from './line-edits.js';
import { joinLines, splitLines } from './text-lines.js';

const edits = (text: string) => new LineEdits(splitLines(text));

describe('LineEdits', () => {
  it('renders changed, dropped, inserted and appended lines in one pass, in file order', () => {
    const out = edits('a\nb\nc\nd');
    out.setText(0, 'A');
    out.drop(1);
    out.insertAfter(2, [{ text: 'c2', eol: '\n' }]);
    out.append([{ text: 'e', eol: '' }]);
    out.setEol(out.line(3), '\n');
    expect(joinLines(out.render())).toBe('A\nc\nc2\nd\ne');
  });

  it('finds the nearest kept line across long runs of dropped ones', () => {
    const out = edits(Array.from({ length: 10 }, (_, i) => `l${i}\n`).join(''));
    for (let i = 2; i <= 8; i += 1) out.drop(i);
    expect(out.keptBefore(9)).toBe(1);
    expect(out.keptBefore(5)).toBe(1);
    expect(out.keptAfter(1)).toBe(true);
    out.drop(9);
    expect(out.keptAfter(1)).toBe(false);
    out.drop(0);
    out.drop(1);
    expect(out.keptBefore(9)).toBe(-1);
    expect(out.lastLine()).toBeUndefined();
  });

  it('the last line is the last appended, else the last inserted after the last kept line', () => {
    const out = edits('a\nb\n');
    out.drop(1);
    expect(out.lastLine()?.text).toBe('a');
    out.insertAfter(0, [{ text: 'a2', eol: '\n' }]);
    expect(out.lastLine()?.text).toBe('a2');
    out.append([{ text: 'z', eol: '\n' }]);
    expect(out.lastLine()?.text).toBe('z');
  });

  it.each([
    ['no line ending at all', 'a', '\n'],
    ['more CRLF than LF', 'a\r\nb\r\nc\n', '\r\n'],
    ['a tie', 'a\r\nb\n', '\n'],
  ])('the ending for new lines with %s', (_name, text, eol) => {
    expect(edits(text).eol()).toBe(eol);
  });

  it('the ending follows the current lines as they are dropped, added and changed', () => {
    const out = edits('a\r\nb\r\nc\n');
    out.drop(0);
    expect(out.eol()).toBe('\n');
    out.append([{ text: 'd', eol: '\r\n' }, { text: 'e', eol: '\r\n' }]);
    expect(out.eol()).toBe('\r\n');
    out.setEol(out.line(1), '\n');
    expect(out.eol()).toBe('\n');
  });
});
