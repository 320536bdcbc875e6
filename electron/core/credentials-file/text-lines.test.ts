import { describe, expect, it } from 'vitest';
import { dominantLineEnding, joinLines, splitLines } from './text-lines.js';

describe('text lines', () => {
  it.each(['', 'a', 'a\n', 'a\r\nb', '\n\n', 'a\r\n\r\nb\n', 'x\ny\r\nz'])('joining the split of %j gives it back', (text) => {
    expect(joinLines(splitLines(text))).toBe(text);
  });

  it('remembers each ending and a last line without one', () => {
    expect(splitLines('a\r\nb\nc')).toEqual([
      { text: 'a', eol: '\r\n' },
      { text: 'b', eol: '\n' },
      { text: 'c', eol: '' },
    ]);
  });

  it.each([
    ['', '\n'],
    ['a', '\n'],
    ['a\r\nb\r\n', '\r\n'],
    ['a\r\nb\nc\r\n', '\r\n'],
    ['a\r\nb\nc\n', '\n'],
  ])('new lines in %j end with %j', (text, eol) => {
    expect(dominantLineEnding(splitLines(text))).toBe(eol);
  });
});
