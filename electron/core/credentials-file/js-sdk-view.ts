// How the AWS SDK for JavaScript reads a shared file (its `parseIni`): lines split on LF/CRLF,
// `#`/`;` comments cut at the start or after whitespace, only `=` as delimiter, `k =` opening a
// sub-section for the indented lines after it, later keys overwriting earlier ones. We never
// use it to decide structure; it double-checks that this second reader sees our keys exactly.
// Written as plain character scans (the SDK uses `split(/\r?\n/)` and `split(/(^|\s)[;#]/)`):
// it runs over every line of the file on every write.

const PREFIXED = /^([\w-]+)\s(["'])?([\w\-@+.%:/]+)\2$/;
const SECTION_TYPES = new Set(['profile', 'sso-session', 'services']);

/** JavaScript's `\s` (and what `trim()` removes): WhiteSpace plus LineTerminator. */
export function isJsSpace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Index of the first character that is not JavaScript whitespace (the length if none). */
export function firstNonJsSpace(text: string): number {
  let i = 0;
  while (i < text.length && isJsSpace(text.charCodeAt(i))) i += 1;
  return i;
}

/**
 * The SDK's `line.split(/(^|\s)[;#]/)[0].trim()`: the line up to the first `#` or `;` that
 * starts it or follows whitespace, trimmed. (Cutting at the `#` instead of the whitespace
 * before it gives the same text once trimmed.)
 */
export function jsSdkLineContent(line: string): string {
  let cut = line.length;
  for (let i = 0; i < line.length; i += 1) {
    const code = line.charCodeAt(i);
    if ((code === 0x23 || code === 0x3b) && (i === 0 || isJsSpace(line.charCodeAt(i - 1)))) {
      cut = i;
      break;
    }
  }
  return line.slice(0, cut).trim();
}

/** Section key as the SDK stores it ("profile tes" -> "profile.tes"), or null when it skips the section. */
export function jsSdkSectionKey(sectionName: string): string | null {
  const match = PREFIXED.exec(sectionName);
  if (!match) return sectionName;
  const [, prefix = '', , name = ''] = match;
  return SECTION_TYPES.has(prefix) ? `${prefix}.${name}` : null;
}

/**
 * The SDK's view of `text`: section key -> key -> value. With `only`, entries are kept for
 * those section keys alone (every line is still read, so what they see is exactly the same).
 */
export function readAsJsSdk(text: string, only?: ReadonlySet<string>): Map<string, Map<string, string>> {
  const map = new Map<string, Map<string, string>>();
  let section: string | null = null;
  let subSection: string | null = null;
  for (let start = 0; start <= text.length; ) {
    const lf = text.indexOf('\n', start);
    const stop = lf === -1 ? text.length : lf;
    // split(/\r?\n/): a CR right before the LF belongs to the line break.
    const line = text.slice(start, lf !== -1 && stop > start && text.charCodeAt(stop - 1) === 0x0d ? stop - 1 : stop);
    start = stop + 1;
    const first = firstNonJsSpace(line);
    const code = line.charCodeAt(first);
    // Blank, or all comment (a # or ; first): the SDK sees "" and skips it.
    if (first === line.length || code === 0x23 || code === 0x3b) continue;
    // Only a line whose first character is "[" can be a header; others need a section to go to.
    if (code !== 0x5b && section === null) continue;
    const trimmed = jsSdkLineContent(line);
    if (trimmed.startsWith('[') && trimmed.endsWith(']') && trimmed.length >= 2) {
      section = jsSdkSectionKey(trimmed.slice(1, -1));
      if (section !== null && only !== undefined && !only.has(section)) section = null;
      subSection = null;
      continue;
    }
    if (!section) continue; // the SDK skips keys under an unknown or empty section name
    const eq = trimmed.indexOf('=');
    if (eq <= 0) continue;
    const name = trimmed.slice(0, eq).trim();
    const value = trimmed.slice(eq + 1).trim();
    if (value === '') {
      subSection = name;
      continue;
    }
    if (subSection !== null && first === 0) subSection = null;
    const entries = map.get(section) ?? new Map<string, string>();
    entries.set(subSection === null ? name : `${subSection}.${name}`, value);
    map.set(section, entries);
  }
  return map;
}
