// Sections sts-tray owns, and the only edits we make to a shared file: upsert or remove such a
// section. A section is ours only when its first non-blank line is our marker comment; every
// line outside it keeps its bytes. Edits return new lines; the caller re-parses and verifies.

import { StsTrayError } from '../errors.js';
import { type IniDocument, type IniSection, findSection, leadingSpace, pythonStrip, sectionLabel } from './ini-document.js';
import type { TextLine } from './text-lines.js';

const MARKER = /^#\s*managed by sts-tray\b(?:\s*\(([^()]*)\))?/;

/** The marker comment. No `=` or `:` in it, so even a naive reader cannot take it for a key. */
export function markerLine(source: string): string {
  return `# managed by sts-tray (${source}) - this section is rewritten on every renewal`;
}

/** Index of the section's marker line, or -1 when the section is not ours. */
function markerIndex(doc: IniDocument, section: IniSection): number {
  for (let i = section.header + 1; i < section.end; i += 1) {
    const line = doc.lines[i];
    if (!line || line.kind === 'blank') continue;
    return line.kind === 'comment' && MARKER.test(pythonStrip(line.text)) ? i : -1;
  }
  return -1;
}

/** The marker's source ('' when it names none), or null when the section is not ours. */
export function ownerOf(doc: IniDocument, section: IniSection): string | null {
  const index = markerIndex(doc, section);
  if (index === -1) return null;
  const match = MARKER.exec(pythonStrip(doc.lines[index]?.text ?? ''));
  return match?.[1]?.trim() ?? '';
}

export interface SectionEdit {
  /** The text between the brackets: 'tes', 'default', 'profile tes'. */
  readonly section: string;
  /** Goes into the marker, e.g. "role tes". */
  readonly source: string;
  /** Lower-case keys and their (validated) values, in the order new lines are written. */
  readonly entries: readonly (readonly [string, string])[];
  /** Tells the person what to do when a section of that name is not ours. */
  readonly conflictAdvice: string;
}

export function conflictError(doc: IniDocument, section: string, advice: string): StsTrayError {
  return new StsTrayError(
    'conflict',
    `${doc.file}: ${sectionLabel(section)} already exists and was not written by sts-tray, so it was left alone. ${advice}`,
  );
}

/** Last line of the section that belongs to it (header, our marker, a setting); later blank lines and comments lead into what follows. */
function lastContentLine(doc: IniDocument, section: IniSection, marker: number, dropped: ReadonlySet<number>): number {
  let last = section.header;
  for (let i = section.header + 1; i < section.end; i += 1) {
    const line = doc.lines[i];
    if (!line || dropped.has(i)) continue;
    if (line.kind === 'option' || line.kind === 'continuation' || i === marker) last = i;
  }
  return last;
}

/** Writes our keys into the section (creating it at the end of the file when missing). */
export function upsertOwnedSection(doc: IniDocument, edit: SectionEdit): TextLine[] {
  const section = findSection(doc, edit.section);
  if (!section) return appendSection(doc, edit);
  const marker = markerIndex(doc, section);
  if (marker === -1) throw conflictError(doc, edit.section, edit.conflictAdvice);

  const wanted = new Map(edit.entries);
  const replaced = new Map<number, string>([[marker, markerLine(edit.source)]]);
  const dropped = new Set<number>();
  const present = new Set<string>();
  for (let i = section.header + 1; i < section.end; i += 1) {
    const line = doc.lines[i];
    if (line?.kind === 'option' && wanted.has(line.key)) {
      // Same indentation keeps the structure of the lines after it unchanged.
      replaced.set(i, `${leadingSpace(line.text)}${line.key} = ${wanted.get(line.key) ?? ''}`);
      present.add(line.key);
    } else if (line?.kind === 'continuation') {
      const owner = doc.lines[line.option];
      if (owner?.kind === 'option' && wanted.has(owner.key)) dropped.add(i);
    }
  }
  const insertAfter = lastContentLine(doc, section, marker, dropped);
  const missing = edit.entries.filter(([key]) => !present.has(key)).map(([key, value]) => `${key} = ${value}`);

  const out: TextLine[] = [];
  doc.lines.forEach((line, i) => {
    if (dropped.has(i)) return;
    const text = replaced.get(i) ?? line.text;
    if (i === insertAfter && missing.length > 0) {
      // A last line without newline gets one; our last line then carries the file's "no newline".
      out.push({ text, eol: line.eol === '' ? doc.eol : line.eol });
      missing.forEach((added, k) => out.push({ text: added, eol: k === missing.length - 1 && line.eol === '' ? '' : doc.eol }));
    } else {
      out.push({ text, eol: line.eol });
    }
  });
  return out;
}

/**
 * New section at the end, after one blank line. A file without a final newline gets one before
 * it, and our section then ends without one, so that removing it gives back the same bytes.
 */
function appendSection(doc: IniDocument, edit: SectionEdit): TextLine[] {
  const out: TextLine[] = doc.lines.map((line) => ({ text: line.text, eol: line.eol }));
  const last = out.at(-1);
  const endsWithoutNewline = last !== undefined && last.eol === '';
  if (last) {
    out[out.length - 1] = { text: last.text, eol: endsWithoutNewline ? doc.eol : last.eol };
    out.push({ text: '', eol: doc.eol });
  }
  const added = [`[${edit.section}]`, markerLine(edit.source), ...edit.entries.map(([key, value]) => `${key} = ${value}`)];
  added.forEach((text, k) => out.push({ text, eol: k === added.length - 1 && endsWithoutNewline ? '' : doc.eol }));
  return out;
}

/**
 * Removes our section: header to its last setting, plus the one blank line before the header
 * (the separator appendSection adds). Blank lines and comments after its last setting stay:
 * they lead into whatever follows.
 */
export function removeOwnedSection(doc: IniDocument, sectionName: string): TextLine[] {
  const section = findSection(doc, sectionName);
  if (!section) return doc.lines.map((line) => ({ text: line.text, eol: line.eol }));
  const marker = markerIndex(doc, section);
  if (marker === -1) throw conflictError(doc, sectionName, 'It is not sts-tray\'s to remove.');
  const last = lastContentLine(doc, section, marker, new Set());
  const first = doc.lines[section.header - 1]?.kind === 'blank' ? section.header - 1 : section.header;
  const out: TextLine[] = [];
  doc.lines.forEach((line, i) => {
    if (i < first || i > last) out.push({ text: line.text, eol: line.eol });
  });
  const removedThroughEnd = last === doc.lines.length - 1;
  const previous = out[first - 1];
  if (removedThroughEnd && doc.lines[last]?.eol === '' && previous && first === out.length) {
    out[first - 1] = { text: previous.text, eol: '' };
  }
  return out;
}
