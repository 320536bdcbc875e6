// Which profile a section header names, as each AWS reader sees it. botocore (the AWS CLI)
// splits config headers that start with "profile" with Python's shlex.split and takes the
// second word, so `[profile "tes"]`, `[profile  tes]`, `[profile tes ]` and even
// `[profiles tes]` all configure profile `tes`; the JS SDK accepts one space and optional
// quotes. In the credentials file both take the header text as it is. The writer uses this to
// see a section that a reader would fold into the one we mean to write.

import { jsSdkSectionKey } from './js-sdk-view.js';

export type AwsFile = 'credentials' | 'config';

/** shlex's POSIX whitespace (str.split in shlex uses exactly these). */
const SHLEX_SPACE = new Set([' ', '\t', '\r', '\n']);

/**
 * Python's `shlex.split(text)` (POSIX mode, no comments): words split on whitespace, '…' and
 * "…" quoting, backslash escapes. Null where shlex raises ValueError (an open quote, a
 * trailing backslash), which botocore takes as "not a profile".
 */
export function shlexSplit(text: string): string[] | null {
  const words: string[] = [];
  let word: string | null = null; // null: between words
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (word === null && SHLEX_SPACE.has(c)) {
      i += 1;
      continue;
    }
    if (word !== null && SHLEX_SPACE.has(c)) {
      words.push(word);
      word = null;
      i += 1;
      continue;
    }
    word ??= '';
    if (c === '\\') {
      if (i + 1 >= text.length) return null;
      word += text[i + 1];
      i += 2;
    } else if (c === "'") {
      const close = text.indexOf("'", i + 1);
      if (close === -1) return null;
      word += text.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      i += 1;
      for (;;) {
        if (i >= text.length) return null;
        const d = text[i] as string;
        if (d === '"') break;
        if (d === '\\') {
          if (i + 1 >= text.length) return null;
          const next = text[i + 1] as string;
          // Inside double quotes a backslash escapes only a quote or a backslash.
          word += next === '"' || next === '\\' ? next : `\\${next}`;
          i += 2;
          continue;
        }
        word += d;
        i += 1;
      }
      i += 1;
    } else {
      word += c;
      i += 1;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** The profile botocore reads from this section header, or null when it is not a profile. */
export function botocoreProfileName(sectionName: string, file: AwsFile): string | null {
  if (file === 'credentials') return sectionName === 'DEFAULT' ? null : sectionName;
  if (sectionName === 'default') return 'default';
  if (!sectionName.startsWith('profile')) return null;
  const parts = shlexSplit(sectionName);
  return parts?.length === 2 ? (parts[1] ?? null) : null;
}

/** The profile the JS SDK reads from this section header, or null when it is not a profile. */
export function jsSdkProfileName(sectionName: string, file: AwsFile): string | null {
  const key = jsSdkSectionKey(sectionName);
  if (key === null || sectionName === 'DEFAULT') return null;
  if (file === 'credentials') return key;
  if (key === 'default') return 'default';
  return key.startsWith('profile.') ? key.slice('profile.'.length) : null;
}

/** The section we write for a profile: the name itself in credentials; [default] or [profile NAME] in config. */
export function ownSectionName(profile: string, file: AwsFile): string {
  return file === 'credentials' || profile === 'default' ? profile : `profile ${profile}`;
}

/** True when botocore or the JS SDK reads `sectionName` as `profile` under a spelling other than ours. */
export function isLookAlike(sectionName: string, file: AwsFile, profile: string): boolean {
  if (sectionName === ownSectionName(profile, file)) return false;
  return botocoreProfileName(sectionName, file) === profile || jsSdkProfileName(sectionName, file) === profile;
}
