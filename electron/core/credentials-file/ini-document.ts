// A lossless line model of ~/.aws/credentials and ~/.aws/config, classified the way botocore
// reads them (Python's configparser with its defaults: `=` or `:` delimiters, full-line `#`/`;`
// comments, values continued by deeper indentation, keys case-insensitive, strict about
// duplicates) and cross-checked with the JS SDK on where sections start. Every line keeps its
// bytes, so an edit touches only the lines it means to. A file whose structure is not
// unambiguous is refused with the line to fix (`file-unsafe`): we never rewrite a guess.

import { StsTrayError } from '../errors.js';
import { firstNonJsSpace, jsSdkLineContent } from './js-sdk-view.js';
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

/** Headers the JS SDK throws on (its profileNameBlockList). */
const JS_SDK_BLOCKED: ReadonlySet<string> = new Set(['__proto__', 'profile __proto__']);

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

/** Index just past the last character that is not a Python space, at or after `from`. */
function endOfContent(text: string, from: number): number {
  let end = text.length;
  while (end > from && isPythonSpace(text.charCodeAt(end - 1))) end -= 1;
  return end;
}

export function pythonStrip(text: string): string {
  const start = firstNonSpace(text);
  return text.slice(start, endOfContent(text, start));
}

export function leadingSpace(text: string): string {
  return text.slice(0, firstNonSpace(text));
}

/** The section name the JS SDK (`parseIni`) sees on this line, or null for "not a header". */
export function jsSdkSectionName(text: string): string | null {
  // Cheap exit for the usual line: the SDK's trimmed text can only start with "[" if the first
  // non-space character is one (a "#" or ";" there starts a comment, leaving nothing).
  if (text.charCodeAt(firstNonJsSpace(text)) !== 0x5b) return null;
  const trimmed = jsSdkLineContent(text);
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

function refuseAmbiguousHeader(file: string, lineNo: number): never {
  refuse(file, lineNo, 'AWS tools disagree on whether this line starts a section', 'write the header alone on its line, like [name], not indented under a setting');
}

/** Where the key of a setting ends: the first `=` or `:` (configparser's default delimiters), or -1. */
function delimiterIndex(text: string): number {
  const equals = text.indexOf('=');
  const colon = text.indexOf(':');
  return equals === -1 || (colon !== -1 && colon < equals) ? colon : equals;
}

/**
 * Parses `text` (already checked by decodeText). Throws `file-unsafe` naming the line.
 * One pass, constant work per character: it runs on every read and on every verification.
 */
export function parseIni(text: string, file: string): IniDocument {
  const raw = splitLines(text);
  const lines: IniLine[] = [];
  const sections: IniSection[] = [];
  const sectionLine = new Map<string, number>();
  // Keys seen in the current section; [DEFAULT] may repeat, and its blocks share one set.
  let sectionKeys = new Map<string, number>();
  const defaultKeys = new Map<string, number>();
  let section: string | null = null;
  let header = -1; // line index of the open section's header
  let option = -1; // index of the option that a deeper-indented line would continue
  let indentLevel = 0;

  for (let index = 0; index < raw.length; index += 1) {
    const { text: lineText, eol } = raw[index] as TextLine;
    const lineNo = index + 1;
    const indent = firstNonSpace(lineText);
    const end = endOfContent(lineText, indent);
    const jsHeader = jsSdkSectionName(lineText);
    const firstChar = indent < end ? lineText.charCodeAt(indent) : -1;

    if (firstChar === 0x23 || firstChar === 0x3b) {
      if (jsHeader !== null) refuseAmbiguousHeader(file, lineNo);
      lines.push({ text: lineText, eol, kind: 'comment' });
      continue;
    }
    if (firstChar === -1) {
      lines.push({ text: lineText, eol, kind: 'blank' });
      continue;
    }
    const stripped = lineText.slice(indent, end);
    if (section !== null && option !== -1 && indent > indentLevel) {
      if (jsHeader !== null) refuseAmbiguousHeader(file, lineNo);
      const owner = lines[option];
      if (owner?.kind === 'option' && owner.value === '' && !stripped.includes('=')) {
        // botocore reads an option with an empty first line as a nested block of `k = v` lines.
        refuse(file, lineNo, `this line inside the nested setting ${shownName(owner.key)} has no "=", so the AWS CLI cannot read the file`, 'write it as key = value or delete it');
      }
      lines.push({ text: lineText, eol, kind: 'continuation', option, value: stripped });
      continue;
    }
    indentLevel = indent;
    const close = firstChar === 0x5b ? stripped.lastIndexOf(']') : -1;
    if (close >= 2) {
      // configparser's header pattern is `\[(.+)\]` matched at the start: greedy up to the last `]`.
      const name = stripped.slice(1, close);
      if (jsHeader !== name) refuseAmbiguousHeader(file, lineNo);
      if (JS_SDK_BLOCKED.has(name)) {
        // The JS SDK throws on this header and then reads the whole file as empty.
        refuse(file, lineNo, `the AWS SDK for JavaScript refuses the section name [${name}] and then ignores the whole file`, 'rename or delete that section');
      }
      if (name !== DEFAULT_SECTION) {
        const first = sectionLine.get(name);
        if (first !== undefined) {
          refuse(file, lineNo, `${sectionLabel(name)} appears a second time (first on line ${first})`, 'merge the two sections into one');
        }
        sectionLine.set(name, lineNo);
        sectionKeys = new Map();
      }
      if (section !== null) sections.push({ name: section, header, end: index });
      lines.push({ text: lineText, eol, kind: 'header', name });
      section = name;
      header = index;
      option = -1;
      continue;
    }
    if (jsHeader !== null) refuseAmbiguousHeader(file, lineNo);
    if (section === null) {
      refuse(file, lineNo, 'there is a setting before the first [section] header', 'move it under a section or delete it');
    }
    const delimiter = delimiterIndex(stripped);
    const key = delimiter === -1 ? '' : pythonStrip(stripped.slice(0, delimiter)).toLowerCase();
    if (key === '') {
      refuse(file, lineNo, 'this line is not a [section], a key = value setting, a comment or an indented continuation', 'fix it or turn it into a comment by starting it with #');
    }
    // Non-[DEFAULT] names are unique (checked above), so a fresh set per section is exact.
    const keys = section === DEFAULT_SECTION ? defaultKeys : sectionKeys;
    const first = keys.get(key);
    if (first !== undefined) {
      refuse(file, lineNo, `the key ${shownName(key)} appears a second time in its section (first on line ${first}; case is ignored)`, 'delete one of the two lines');
    }
    keys.set(key, lineNo);
    lines.push({ text: lineText, eol, kind: 'option', key, value: pythonStrip(stripped.slice(delimiter + 1)) });
    option = index;
  }
  if (section !== null) sections.push({ name: section, header, end: lines.length });
  return { file, lines, sections, eol: dominantLineEnding(raw) };
}

/** Section lookup by name, built once per document: callers look up many names in one file. */
const sectionsByName = new WeakMap<IniDocument, ReadonlyMap<string, IniSection>>();

/** The section called `name` ([DEFAULT] is never "found": it is not a profile). */
export function findSection(doc: IniDocument, name: string): IniSection | undefined {
  let index = sectionsByName.get(doc);
  if (index === undefined) {
    const byName = new Map<string, IniSection>();
    for (const section of doc.sections) {
      if (section.name !== DEFAULT_SECTION && !byName.has(section.name)) byName.set(section.name, section);
    }
    sectionsByName.set(doc, byName);
    index = byName;
  }
  return index.get(name);
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
