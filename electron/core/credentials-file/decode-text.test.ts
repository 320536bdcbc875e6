import { describe, expect, it } from 'vitest';
import { StsTrayError } from '../errors.js';
import { decodeText, encodeText } from './decode-text.js';

const FILE = '/home/me/.aws/credentials';
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));

function refusal(input: Uint8Array): StsTrayError {
  try {
    decodeText(input, FILE);
  } catch (error) {
    if (error instanceof StsTrayError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('decodeText refuses what AWS readers could decode differently', () => {
  it.each([
    ['a UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], '[default]\n'), /line 1: .*byte order mark/],
    ['UTF-16 LE with BOM', bytes([0xff, 0xfe], [0x5b, 0, 0x61, 0, 0x5d, 0]), /UTF-16/],
    ['UTF-16 BE with BOM', bytes([0xfe, 0xff], [0, 0x5b, 0, 0x61, 0, 0x5d]), /UTF-16/],
    ['UTF-16 without BOM (NUL bytes)', bytes([0x5b, 0, 0x61, 0, 0x5d, 0, 0x0a, 0]), /line 1: .*NUL bytes/],
    ['invalid UTF-8 on line 3', bytes('[a]\nk = v\n# caf', [0xe9], '\n'), /line 3: it is not valid UTF-8/],
    ['an overlong UTF-8 sequence', bytes('[a]\n', [0xc0, 0xaf], '\n'), /line 2: it is not valid UTF-8/],
    ['a UTF-8 encoded surrogate', bytes('[a]\n# ', [0xed, 0xa0, 0x80], '\n'), /line 2: it is not valid UTF-8/],
    ['a truncated sequence at the end', bytes('[a]\n# ', [0xe3, 0x81]), /line 2: it is not valid UTF-8/],
    ['a lone CR on line 2', bytes('[a]\nk = v\rx = y\n'), /line 2: .*carriage return/],
    ['a CR at the very end', bytes('[a]\nk = v\r'), /line 2: .*carriage return/],
    ['a form feed', bytes('[a]\n\fk = v\n'), /line 2: .*U\+000C/],
    ['a zero-width no-break space inside', bytes('[a]\nk = v\n\u{feff}[b]\n'), /line 3: .*U\+FEFF/],
    ['a Unicode line separator', bytes('[a]\nk = v\u2028x\n'), /line 2: .*U\+2028/],
    ['a DEL in otherwise plain ASCII', bytes('[a]\nk = v\x7f\n'), /line 2: .*U\+007F/],
    ['an escape character', bytes('[a]\n\x1b[31mk = v\n'), /line 2: .*U\+001B/],
    ['a vertical tab', bytes('[a]\nk =\vv\n'), /line 2: .*U\+000B/],
    ['a C1 next-line character after Japanese text', bytes('# 本番\n[a]\u0085\n'), /line 2: .*U\+0085/],
    ['a lone CR after CRLF lines', bytes('[a]\r\nk = v\r\nx = y\r'), /line 3: .*carriage return/],
  ])('%s', (_name, input, message) => {
    const error = refusal(input);
    expect(error.code).toBe('file-unsafe');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(FILE);
    expect(error.message).toMatch(/then try again\.$/);
  });
});

describe('decodeText accepts ordinary text files', () => {
  it.each([
    ['a missing file', null, ''],
    ['an empty file', bytes(), ''],
    ['LF', bytes('[a]\nk = v\n'), '[a]\nk = v\n'],
    ['CRLF', bytes('[a]\r\nk = v\r\n'), '[a]\r\nk = v\r\n'],
    ['tabs and Japanese comments', bytes('# 本番\n[a]\n\tk = v\n'), '# 本番\n[a]\n\tk = v\n'],
    ['four-byte characters', bytes('# 🔑\n'), '# 🔑\n'],
  ])('%s', (_name, input, text) => {
    expect(decodeText(input, FILE)).toBe(text);
  });

  it('encodes back to the same bytes, never adding a BOM', () => {
    const original = bytes('# 本番\r\n[a]\r\nk = v');
    expect(encodeText(decodeText(original, FILE))).toEqual(original);
  });
});
