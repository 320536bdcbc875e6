// A lossless line model of ~/.aws/credentials and ~/.aws/config, classified the way botocore
// reads them (Python's configparser with its defaults: `=` or `:` delimiters, full-line `#`/`;`
// comments, values continued by deeper indentation, keys case-insensitive, strict about
// duplicates) and cross-checked with the JS SDK on where sections start. Every line keeps its
// bytes, so an edit touches only the lines it means to. A file whose structure is not
// unambiguous is refused with the line to fix (`file-unsafe`): we never rewrite a guess.

import { StsTrayError } from '../errors.js';
import { type TextLine, dominantLineEnding, splitLines } from './text-lines.js';

export type IniLine =
  | (TextLine & { readonly kind: 'blank' })
  | (TextLine & { readonly kind: 'comment' })
  | (TextLine & { readonly kind: 'header'; readonly name: string })
  /** `key` is lower-cased as configparser does; `value` is the first line's value, trimmed. */
  | (TextLine & { readonly kind: 'option'; readonly key: string; readonly value: string })
  /** A deeper-indented line that continues the option at index `option`. */
  | (TextLine & { readonly kind: 'continuation'; readonly option: number; readonly value: string });

export interface IniSection {
  readonly name: string;
  /** Index of the header line in `lines`. */
  readonly header: number;
  /** Index just past the section: the next header, or the end of the file. */
  readonly end: number;
}

export interface IniDocument {
  /** The path, for messages. */
  readonly file: string;
  readonly lines: readonly IniLine[];
  readonly sections: readonly IniSection[];
  /** The line ending our new lines use. */
  readonly eol: '\n' | '\r\n';
}

/** configparser's special section: its keys apply to every profile, and it may repeat. */
export const DEFAULT_SECTION = 'DEFAULT';

/** Python's str.isspace(), which configparser's strip() and indentation rules use. */
export function isPythonSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    (code >= 0x1c && code <= 0x20) ||
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

function firstNonSpace(text: string): number {
  let i = 0;
  while (i < text.length && isPythonSpace(text.charCodeAt(i))) i += 1;
  return i;
}

export function pythonStrip(text: string): string {
  let end = text.length;
  while (end > 0 && isPythonSpace(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(firstNonSpace(text.slice(0, end)), end);
}

export function leadingSpace(text: string): string {
  return text.slice(0, firstNonSpace(text));
}

/** The section name the JS SDK (`parseIni`) sees on this line, or null for "not a header". */
export function jsSdkSectionName(text: string): string | null {
  const trimmed = (text.split(/(^|\s)[;#]/)[0] ?? '').trim();
  return trimmed.startsWith('[') && trimmed.endsWith(']') && trimmed.length >= 2 ? trimmed.slice(1, -1) : null;
}

/** Echo a name in a message only when it is plainly a name (never a pasted secret or junk). */
export function shownName(name: string): string {
  return /^[A-Za-z0-9 _.@+%:/-]{1,64}$/.test(name) ? `"${name}"` : 'a name';
}

/** `[name]` for a message, or a neutral word when the name is not plainly a name. */
export function sectionLabel(name: string): string {
  return /^[A-Za-z0-9 _.@+%:/-]{1,64}$/.test(name) ? `[${name}]` : 'a section';
}

function refuse(file: string, lineNo: number, problem: string, fix: string): never {
  throw new StsTrayError('file-unsafe', `${file} line ${lineNo}: ${problem}. sts-tray did not change the file: ${fix}, then try again.`);
}

/** Parses `text` (already checked by decodeText). Throws `file-unsafe` naming the line. */
export function parseIni(text: string, file: string): IniDocument {
  const raw = splitLines(text);
  const lines: IniLine[] = [];
  const sections: IniSection[] = [];
  const sectionLine = new Map<string, number>();
  const optionLine = new Map<string, number>();
  let section: string | null = null;
  let option = -1; // index of the option that a deeper-indented line would continue
  let indentLevel = 0;

  const closeSection = (end: number) => {
    const last = sections.at(-1);
    if (last && last.end === -1) sections[sections.length - 1] = { ...last, end };
  };

  raw.forEach((line, index) => {
    const lineNo = index + 1;
    const stripped = pythonStrip(line.text);
    const jsHeader = jsSdkSectionName(line.text);
    const ambiguousHeader = () =>
      refuse(file, lineNo, 'AWS tools disagree on whether this line starts a section', 'write the header alone on its line, like [name], not indented under a setting');

    if (stripped.startsWith('#') || stripped.startsWith(';')) {
      if (jsHeader !== null) ambiguousHeader();
      lines.push({ ...line, kind: 'comment' });
      return;
    }
    if (stripped === '') {
      lines.push({ ...line, kind: 'blank' });
      return;
    }
    const indent = firstNonSpace(line.text);
    if (section !== null && option !== -1 && indent > indentLevel) {
      if (jsHeader !== null) ambiguousHeader();
      const owner = lines[option];
      if (owner?.kind === 'option' && owner.value === '' && !stripped.includes('=')) {
        // botocore reads an option with an empty first line as a nested block of `k = v` lines.
        refuse(file, lineNo, `this line inside the nested setting ${shownName(owner.key)} has no "=", so the AWS CLI cannot read the file`, 'write it as key = value or delete it');
      }
      lines.push({ ...line, kind: 'continuation', option, value: stripped });
      return;
    }
    indentLevel = indent;
    const close = stripped.lastIndexOf(']');
    if (stripped.startsWith('[') && close >= 2) {
      // configparser's header pattern is `\[(.+)\]` matched at the start: greedy up to the last `]`.
      const name = stripped.slice(1, close);
      if (jsHeader !== name) ambiguousHeader();
      if (name !== DEFAULT_SECTION) {
        const first = sectionLine.get(name);
        if (first !== undefined) {
          refuse(file, lineNo, `${sectionLabel(name)} appears a second time (first on line ${first})`, 'merge the two sections into one');
        }
        sectionLine.set(name, lineNo);
      }
      closeSection(index);
      sections.push({ name, header: index, end: -1 });
      lines.push({ ...line, kind: 'header', name });
      section = name;
      option = -1;
      return;
    }
    if (jsHeader !== null) ambiguousHeader();
    if (section === null) {
      refuse(file, lineNo, 'there is a setting before the first [section] header', 'move it under a section or delete it');
    }
    const delimiter = stripped.search(/[=:]/);
    const key = delimiter === -1 ? '' : pythonStrip(stripped.slice(0, delimiter)).toLowerCase();
    if (key === '') {
      refuse(file, lineNo, 'this line is not a [section], a key = value setting, a comment or an indented continuation', 'fix it or turn it into a comment by starting it with #');
    }
    const seen = `${section}\u0000${key}`;
    const first = optionLine.get(seen);
    if (first !== undefined) {
      refuse(file, lineNo, `the key ${shownName(key)} appears a second time in its section (first on line ${first}; case is ignored)`, 'delete one of the two lines');
    }
    optionLine.set(seen, lineNo);
    lines.push({ ...line, kind: 'option', key, value: pythonStrip(stripped.slice(delimiter + 1)) });
    option = index;
  });
  closeSection(lines.length);
  return { file, lines, sections, eol: dominantLineEnding(raw) };
}

export function findSection(doc: IniDocument, name: string): IniSection | undefined {
  return doc.sections.find((s) => s.name === name && s.name !== DEFAULT_SECTION);
}

/**
 * The values configparser gives a section's keys: the first line plus its continuations,
 * joined by newlines (blank lines inside included), trailing whitespace removed.
 */
export function sectionValues(doc: IniDocument, section: IniSection): Map<string, string> {
  const values = new Map<string, string>();
  let key: string | null = null;
  let parts: string[] = [];
  const flush = () => {
    if (key !== null) values.set(key, rstripPython(parts.join('\n')));
  };
  for (let i = section.header + 1; i < section.end; i += 1) {
    const line = doc.lines[i];
    if (!line) continue;
    if (line.kind === 'option') {
      flush();
      key = line.key;
      parts = [line.value];
    } else if (line.kind === 'continuation') {
      parts.push(line.value);
    } else if (line.kind === 'blank' && key !== null) {
      parts.push('');
    }
  }
  flush();
  return values;
}

function rstripPython(text: string): string {
  let end = text.length;
  while (end > 0 && isPythonSpace(text.charCodeAt(end - 1))) end -= 1;
  return text.slice(0, end);
}
