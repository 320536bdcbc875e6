// A text file as lines that remember their own line ending, so that joining them gives back
// the exact text: the basis of every lossless edit of the credentials and config files.

export type LineEnding = '\n' | '\r\n' | '';

export interface TextLine {
  /** The line without its ending. */
  readonly text: string;
  /** '' only for a last line that has no newline. */
  readonly eol: LineEnding;
}

/** Splits on LF and CRLF. A lone CR stays inside a line (decodeText refuses such files). */
export function splitLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  while (start < text.length) {
    const lf = text.indexOf('\n', start);
    if (lf === -1) {
      lines.push({ text: text.slice(start), eol: '' });
      break;
    }
    const crlf = lf > start && text[lf - 1] === '\r';
    lines.push({ text: text.slice(start, crlf ? lf - 1 : lf), eol: crlf ? '\r\n' : '\n' });
    start = lf + 1;
  }
  return lines;
}

export function joinLines(lines: readonly TextLine[]): string {
  let out = '';
  for (const line of lines) out += line.text + line.eol;
  return out;
}

/** The ending our own lines use: the one most of the file uses (LF for a file without any). */
export function dominantLineEnding(lines: readonly TextLine[]): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (const line of lines) {
    if (line.eol === '\r\n') crlf += 1;
    else if (line.eol === '\n') lf += 1;
  }
  return crlf > lf ? '\r\n' : '\n';
}
