// The one edit sts-tray makes inside a section it does not own, and only when the user asks
// for it (import): drop some keys (the plain-text key lines once the key is in the keychain;
// role_arn and source_profile once sts-tray serves the profile) and, when the section is
// handed over to sts-tray, put our marker under its header and add our keys. Every other
// line keeps its bytes; the result is re-read and checked before anything is written.

import { StsTrayError } from '../errors.js';
import { type IniDocument, findSection, parseIni, sectionLabel, sectionValues } from './ini-document.js';
import { LineEdits } from './line-edits.js';
import { markerLine, ownerOf } from './owned-section.js';
import type { TextLine } from './text-lines.js';

export interface SectionKeyEdit {
  readonly section: string;
  /** Lower-case keys whose lines (and continuation lines) go. */
  readonly drop: readonly string[];
  /** Keys to set (replaced in place, or added after the section's last setting). */
  readonly set?: readonly (readonly [string, string])[];
  /** Hand the section over to sts-tray: our marker goes right under its header. */
  readonly adoptAs?: string | undefined;
}

export function editSectionKeys(doc: IniDocument, edit: SectionKeyEdit): TextLine[] {
  const section = findSection(doc, edit.section);
  if (!section) throw new StsTrayError('not-found', `${doc.file}: ${sectionLabel(edit.section)} is no longer there, so sts-tray did not change the file.`);
  const out = new LineEdits(doc.lines);
  const drop = new Set(edit.drop);
  const set = new Map(edit.set ?? []);
  const done = new Set<string>();
  let last = section.header;
  for (let i = section.header + 1; i < section.end; i += 1) {
    const line = doc.lines[i];
    if (!line) continue;
    const key = line.kind === 'option' ? line.key : line.kind === 'continuation' ? (doc.lines[line.option] as { key?: string }).key : undefined;
    if (key !== undefined && (drop.has(key) || (set.has(key) && line.kind === 'continuation'))) {
      out.drop(i);
      continue;
    }
    if (line.kind === 'option' && set.has(line.key)) {
      out.setText(i, `${line.key} = ${set.get(line.key) ?? ''}`);
      done.add(line.key);
    }
    if (line.kind === 'option' || line.kind === 'continuation') last = i;
  }
  const eol = out.eol();
  const added = [...set].filter(([key]) => !done.has(key)).map(([key, value]): TextLine => ({ text: `${key} = ${value}`, eol }));
  const openEnd = (index: number) => {
    const anchor = out.line(index);
    if (anchor.eol === '') out.setEol(anchor, eol);
  };
  const adopt = edit.adoptAs !== undefined && ownerOf(doc, section) === null;
  if (adopt || added.length > 0) openEnd(section.header);
  if (last !== section.header && added.length > 0) openEnd(last);
  if (adopt && edit.adoptAs !== undefined) {
    out.insertAfter(section.header, [{ text: markerLine(edit.adoptAs), eol }, ...(last === section.header ? added : [])]);
  } else if (last === section.header && added.length > 0) {
    out.insertAfter(section.header, added);
  }
  if (last !== section.header && added.length > 0) out.insertAfter(last, added);
  const lines = out.render();
  // A file without a final newline keeps having none.
  const final = doc.lines[doc.lines.length - 1];
  const tail = lines[lines.length - 1];
  if (final?.eol === '' && tail && tail.eol !== '') lines[lines.length - 1] = { text: tail.text, eol: '' };
  return lines;
}

/** The edited text reads as claimed: this section lost `drop`, has `set`, and every other section reads the same. */
export function verifySectionKeyEdit(before: IniDocument, nextText: string, edit: SectionKeyEdit): void {
  const fail = (what: string) =>
    new StsTrayError('file-unsafe', `${before.file}: after editing ${sectionLabel(edit.section)} ${what}. sts-tray did not change the file.`);
  const after = parseIni(nextText, before.file);
  const was = findSection(before, edit.section);
  const is = findSection(after, edit.section);
  if (!was || !is) throw fail('the section would be missing');
  const expected = new Map(sectionValues(before, was));
  for (const key of edit.drop) expected.delete(key);
  for (const [key, value] of edit.set ?? []) expected.set(key, value);
  const actual = sectionValues(after, is);
  if (actual.size !== expected.size || [...expected].some(([k, v]) => actual.get(k) !== v)) throw fail('its settings would not be the ones intended');
  const others = (doc: IniDocument) => doc.sections.filter((s) => s.name !== edit.section).map((s) => [s.name, [...sectionValues(doc, s)]]);
  if (JSON.stringify(others(before)) !== JSON.stringify(others(after))) throw fail('other sections would read differently');
}
