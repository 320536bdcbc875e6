// Sections sts-tray owns, and the only edits we make to a shared file: upsert or remove such a
// section. A section is ours only when its first non-blank line is our marker comment; every
// line outside it keeps its bytes. Edits return new lines; the caller re-parses and verifies.
// Several sections are edited in one pass (line-edits.ts), never by re-parsing between them.

import { StsTrayError } from '../errors.js';
import { type IniDocument, type IniSection, findSection, leadingSpace, pythonStrip, sectionLabel } from './ini-document.js';
import { LineEdits } from './line-edits.js';
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

const NOTHING_DROPPED: ReadonlySet<number> = new Set();

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

function twice(section: string): StsTrayError {
  return new StsTrayError('validation', `${sectionLabel(section)} appears twice in one write; nothing was written.`);
}

/** Writes our keys into the section (creating it at the end of the file when missing). */
export function upsertOwnedSection(doc: IniDocument, edit: SectionEdit): TextLine[] {
  return upsertOwnedSections(doc, [edit]);
}

/**
 * Applies `edits` in order, each as if the file had been re-parsed after the one before (so
 * the result is what one upsertOwnedSection after another gives), in one pass over the file.
 * Throws `conflict` for the first edit whose section exists and is not ours.
 */
export function upsertOwnedSections(doc: IniDocument, edits: readonly SectionEdit[]): TextLine[] {
  const out = new LineEdits(doc.lines);
  const seen = new Set<string>();
  for (const edit of edits) {
    if (seen.has(edit.section)) throw twice(edit.section);
    seen.add(edit.section);
    const section = findSection(doc, edit.section);
    if (section) rewriteSection(doc, section, edit, out);
    else appendSection(out, edit);
  }
  return out.render();
}

/** Our keys replaced in place (same indentation), their old continuations dropped, missing keys added after the last setting. */
function rewriteSection(doc: IniDocument, section: IniSection, edit: SectionEdit, out: LineEdits): void {
  const marker = markerIndex(doc, section);
  if (marker === -1) throw conflictError(doc, edit.section, edit.conflictAdvice);
  // Edits before this one never touch this section's lines, so what was read still describes them.
  const eol = out.eol();
  const wanted = new Map(edit.entries);
  const dropped = new Set<number>();
  const present = new Set<string>();
  out.setText(marker, markerLine(edit.source));
  for (let i = section.header + 1; i < section.end; i += 1) {
    const line = doc.lines[i];
    if (line?.kind === 'option' && wanted.has(line.key)) {
      // Same indentation keeps the structure of the lines after it unchanged.
      out.setText(i, `${leadingSpace(line.text)}${line.key} = ${wanted.get(line.key) ?? ''}`);
      present.add(line.key);
    } else if (line?.kind === 'continuation') {
      const owner = doc.lines[line.option];
      if (owner?.kind === 'option' && wanted.has(owner.key)) dropped.add(i);
    }
  }
  const insertAfter = lastContentLine(doc, section, marker, dropped);
  for (const i of dropped) out.drop(i);
  const missing = edit.entries.filter(([key]) => !present.has(key));
  if (missing.length === 0) return;
  // A last line without newline gets one; our last line then carries the file's "no newline".
  const anchor = out.line(insertAfter);
  const wasLast = anchor.eol === '';
  if (wasLast) out.setEol(anchor, eol);
  out.insertAfter(
    insertAfter,
    missing.map(([key, value], k) => ({ text: `${key} = ${value}`, eol: k === missing.length - 1 && wasLast ? '' : eol })),
  );
}

/**
 * New section at the end, after one blank line. A file without a final newline gets one before
 * it, and our section then ends without one, so that removing it gives back the same bytes.
 */
function appendSection(out: LineEdits, edit: SectionEdit): void {
  const eol = out.eol();
  const last = out.lastLine();
  const endsWithoutNewline = last !== undefined && last.eol === '';
  if (last) {
    if (endsWithoutNewline) out.setEol(last, eol);
    out.append([{ text: '', eol }]);
  }
  const added = [`[${edit.section}]`, markerLine(edit.source), ...edit.entries.map(([key, value]) => `${key} = ${value}`)];
  out.append(added.map((text, k) => ({ text, eol: k === added.length - 1 && endsWithoutNewline ? '' : eol })));
}

/**
 * Removes our section: header to its last setting, plus the one blank line before the header
 * (the separator appendSection adds). Blank lines and comments after its last setting stay:
 * they lead into whatever follows.
 */
export function removeOwnedSection(doc: IniDocument, sectionName: string): TextLine[] {
  return removeOwnedSections(doc, [sectionName]);
}

/**
 * Removes each named section in order, as one removeOwnedSection after another would (names
 * not in the file, or already removed, are skipped), in one pass over the file. Whether a
 * section is ours is judged on the file as read. Throws `conflict` for one that is not ours.
 */
export function removeOwnedSections(doc: IniDocument, sectionNames: readonly string[]): TextLine[] {
  const out = new LineEdits(doc.lines);
  const done = new Set<string>();
  for (const name of sectionNames) {
    const section = done.has(name) ? undefined : findSection(doc, name);
    if (!section) continue;
    const marker = markerIndex(doc, section);
    if (marker === -1) throw conflictError(doc, name, 'It is not sts-tray\'s to remove.');
    done.add(name);
    const last = lastContentLine(doc, section, marker, NOTHING_DROPPED);
    const before = out.keptBefore(section.header);
    const first = before !== -1 && doc.lines[before]?.kind === 'blank' ? before : section.header;
    // Removing through the end of a file without final newline: the line before keeps that.
    const endsFile = !out.keptAfter(last) && out.line(last).eol === '';
    for (let i = first; i <= last; i += 1) out.drop(i);
    const previous = out.keptBefore(first);
    if (endsFile && previous !== -1) out.setEol(out.line(previous), '');
  }
  return out.render();
}
