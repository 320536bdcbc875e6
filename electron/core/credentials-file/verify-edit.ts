// The defensive re-read of an edited file before it is written: the new text parses, botocore
// and the JS SDK both read exactly our values in the sections we wrote, removed sections are
// gone, and every other section reads the same as before. One parse and one SDK pass over the
// new text; sections compare line by line, and by values only where their lines differ.

import { StsTrayError } from '../errors.js';
import { type IniDocument, type IniSection, findSection, parseIni, sectionLabel, sectionValues } from './ini-document.js';
import { jsSdkSectionKey, readAsJsSdk } from './js-sdk-view.js';
import { type SectionEdit, ownerOf } from './owned-section.js';

/** What an edit claims to have done to a file. */
export interface EditClaims {
  readonly written: readonly SectionEdit[];
  readonly removed: readonly string[];
}

/**
 * Defensive re-read of what we are about to write: it parses, botocore and the JS SDK both see
 * our keys with exactly our values, removed sections are gone, every other section reads the same.
 */
export function verifyEdit(before: IniDocument, nextText: string, edit: EditClaims): void {
  const fail = (section: string, what: string) =>
    new StsTrayError(
      'file-unsafe',
      `${before.file}: after editing ${sectionLabel(section)} ${what}. sts-tray did not change the file: move or delete the lines of that section by hand, then try again.`,
    );
  const after = parseIni(nextText, before.file);
  // The JS SDK's view is only needed for the sections we wrote.
  const sdkKeys = new Set(edit.written.flatMap((w) => jsSdkSectionKey(w.section) ?? []));
  const sdk = sdkKeys.size === 0 ? new Map<string, Map<string, string>>() : readAsJsSdk(nextText, sdkKeys);
  for (const written of edit.written) {
    const section = findSection(after, written.section);
    if (!section || ownerOf(after, section) === null) throw fail(written.section, 'the section would be missing');
    const values = sectionValues(after, section);
    const sdkKey = jsSdkSectionKey(written.section);
    const sdkValues = sdkKey === null ? undefined : sdk.get(sdkKey);
    for (const [key, value] of written.entries) {
      if (values.get(key) !== value) throw fail(written.section, `the AWS CLI would not read the new ${key}`);
      if (sdkValues?.get(key) !== value) throw fail(written.section, `the AWS SDK for JavaScript would not read the new ${key}`);
    }
  }
  for (const name of edit.removed) {
    if (findSection(after, name)) throw fail(name, 'the section would still be there');
  }
  const touched = new Set([...edit.written.map((w) => w.section), ...edit.removed]);
  if (!othersReadTheSame(before, after, touched)) throw fail([...touched][0] ?? '', 'other sections would read differently');
}

/** Every section we did not touch is still there, in the same order, and botocore reads the same values from it. */
function othersReadTheSame(before: IniDocument, after: IniDocument, touched: ReadonlySet<string>): boolean {
  const others = (doc: IniDocument) => doc.sections.filter((s) => !touched.has(s.name));
  const was = others(before);
  const is = others(after);
  if (was.length !== is.length) return false;
  return was.every((old, k) => {
    const now = is[k];
    if (now === undefined || now.name !== old.name) return false;
    // A section's values depend only on its own lines, so the same lines mean the same values;
    // otherwise (a blank line we added after it, say) compare what botocore would read.
    return sameLineTexts(before, old, after, now) || sameEntries(sectionValues(before, old), sectionValues(after, now));
  });
}

function sameLineTexts(a: IniDocument, sa: IniSection, b: IniDocument, sb: IniSection): boolean {
  if (sa.end - sa.header !== sb.end - sb.header) return false;
  for (let i = 0; i < sa.end - sa.header; i += 1) {
    if (a.lines[sa.header + i]?.text !== b.lines[sb.header + i]?.text) return false;
  }
  return true;
}

function sameEntries(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  const rest = b.entries();
  for (const [key, value] of a) {
    const other = rest.next().value;
    if (other === undefined || other[0] !== key || other[1] !== value) return false;
  }
  return true;
}
