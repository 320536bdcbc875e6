// How the AWS SDK for JavaScript reads a shared file (its `parseIni`): lines split on LF/CRLF,
// `#`/`;` comments cut at the start or after whitespace, only `=` as delimiter, `k =` opening a
// sub-section for the indented lines after it, later keys overwriting earlier ones. We never
// use it to decide structure; it double-checks that this second reader sees our keys exactly.

const PREFIXED = /^([\w-]+)\s(["'])?([\w\-@+.%:/]+)\2$/;
const SECTION_TYPES = new Set(['profile', 'sso-session', 'services']);

/** Section key as the SDK stores it ("profile tes" -> "profile.tes"), or null when it skips the section. */
export function jsSdkSectionKey(sectionName: string): string | null {
  const match = PREFIXED.exec(sectionName);
  if (!match) return sectionName;
  const [, prefix = '', , name = ''] = match;
  return SECTION_TYPES.has(prefix) ? `${prefix}.${name}` : null;
}

export function readAsJsSdk(text: string): Map<string, Map<string, string>> {
  const map = new Map<string, Map<string, string>>();
  let section: string | null = null;
  let subSection: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = (line.split(/(^|\s)[;#]/)[0] ?? '').trim();
    if (trimmed.startsWith('[') && trimmed.endsWith(']') && trimmed.length >= 2) {
      section = jsSdkSectionKey(trimmed.slice(1, -1));
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
    if (subSection !== null && line.trimStart() === line) subSection = null;
    const entries = map.get(section) ?? new Map<string, string>();
    entries.set(subSection === null ? name : `${subSection}.${name}`, value);
    map.set(section, entries);
  }
  return map;
}
