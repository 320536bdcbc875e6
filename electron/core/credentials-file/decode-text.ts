// Bytes of ~/.aws/credentials or ~/.aws/config -> text, or a refusal. We only rewrite a file
// that every AWS reader decodes the same way: botocore opens it as UTF-8 without BOM handling
// and splits lines on CR, LF and CRLF; the JS SDK splits on LF and CRLF only. Anything where
// they could disagree, or that is not text at all, is refused with the line to fix.

import { StsTrayError } from '../errors.js';

const encoder = new TextEncoder();
// Fatal: it checks UTF-8 natively (the same rules as firstInvalidUtf8, which then names the line).
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
/** Anything but tab, LF, CRLF and printable ASCII: only text with such a character needs the careful scan. */
const UNUSUAL = /[^\t\n\r\x20-\x7e]|\r(?!\n)/;

function unsafe(file: string, line: number | null, problem: string, fix: string): StsTrayError {
  const where = line === null ? file : `${file} line ${line}`;
  return new StsTrayError('file-unsafe', `${where}: ${problem}. sts-tray did not change it: ${fix}, then try again.`);
}

/** Offset of the first byte that does not start a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** A character some reader treats differently (or that no one types in these files). */
function isInvisibleTrouble(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff
  );
}

/**
 * Decodes the bytes of an AWS shared file. `null` (no file) is the empty text.
 * Throws `file-unsafe`, naming the file and line, for anything we refuse to rewrite.
 */
export function decodeText(bytes: Uint8Array | null, file: string): string {
  if (bytes === null || bytes.length === 0) return '';
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    throw unsafe(file, 1, 'it starts with a UTF-8 byte order mark (BOM), which the AWS CLI cannot read', 'save it as UTF-8 without BOM');
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw unsafe(file, null, 'it is saved as UTF-16, which the AWS CLI cannot read', 'save it as UTF-8 (without BOM)');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    throw unsafe(file, lineAtByte(bytes, nul), 'it contains NUL bytes, so it is UTF-16 or not a text file', 'save it as plain UTF-8 text');
  }
  const text = decodeUtf8(bytes);
  if (text === null) {
    const invalid = firstInvalidUtf8(bytes);
    const line = invalid === -1 ? null : lineAtByte(bytes, invalid);
    throw unsafe(file, line, 'it is not valid UTF-8 text', 'save it as UTF-8 (for example re-type the characters on that line)');
  }
  // Plain ASCII with LF or CRLF endings, the usual file, has nothing more to check.
  if (!UNUSUAL.test(text)) return text;
  let line = 1;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x0a) {
      line += 1;
    } else if (code === 0x0d) {
      if (text.charCodeAt(i + 1) !== 0x0a) {
        throw unsafe(file, line, 'it has a carriage return (CR) without a line feed, so AWS tools disagree on where lines end', 'convert the file to LF or CRLF line endings');
      }
    } else if (isInvisibleTrouble(code)) {
      const hex = code.toString(16).toUpperCase().padStart(4, '0');
      throw unsafe(file, line, `it contains the invisible character U+${hex}`, 'delete that character');
    }
  }
  return text;
}

/** The text, or null when the bytes are not valid UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

export function encodeText(text: string): Uint8Array {
  return encoder.encode(text);
}
