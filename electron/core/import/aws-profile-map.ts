// The profiles botocore resolves from the two shared files: config sections by the name its
// shlex split gives (a later section replaces an earlier one), [DEFAULT] keys copied into every
// section of its file, then the credentials file's keys laid over the config's. Import reads
// other tools' setups through this, so it sees exactly what the AWS CLI sees.

import { botocoreProfileName, type AwsFile } from '../credentials-file/botocore-profile-name.js';
import { DEFAULT_SECTION, type IniDocument, type IniSection, sectionValues } from '../credentials-file/ini-document.js';
import { ownerOf } from '../credentials-file/owned-section.js';

export interface SectionRef {
  readonly file: AwsFile;
  readonly section: string;
  /** 1-based line of the header. */
  readonly line: number;
  /** Written by sts-tray (our marker is on it). */
  readonly ours: boolean;
}

export interface ResolvedProfile {
  readonly name: string;
  /** Lower-case key -> value, as botocore resolves them. */
  readonly values: ReadonlyMap<string, string>;
  readonly config?: SectionRef | undefined;
  readonly credentials?: SectionRef | undefined;
}

/** Where a section is, as import reports it: "credentials line 3". */
export function placeOf(ref: SectionRef): string {
  return `${ref.file} line ${ref.line}`;
}

function defaultsOf(doc: IniDocument): Map<string, string> {
  const defaults = new Map<string, string>();
  for (const s of doc.sections) if (s.name === DEFAULT_SECTION) for (const [k, v] of sectionValues(doc, s)) defaults.set(k, v);
  return defaults;
}

function ref(doc: IniDocument, section: IniSection, file: AwsFile): SectionRef {
  return { file, section: section.name, line: section.header + 1, ours: ownerOf(doc, section) !== null };
}

/** Profiles in the order they first appear (config first, then credentials). */
export function resolveProfiles(config: IniDocument, credentials: IniDocument): ResolvedProfile[] {
  const byName = new Map<string, { values: Map<string, string>; config?: SectionRef; credentials?: SectionRef }>();
  const configDefaults = defaultsOf(config);
  for (const section of config.sections) {
    const name = botocoreProfileName(section.name, 'config');
    if (name === null) continue;
    // botocore: profiles[name] = values, so a later spelling replaces an earlier one.
    byName.set(name, { values: new Map([...configDefaults, ...sectionValues(config, section)]), config: ref(config, section, 'config') });
  }
  const credentialDefaults = defaultsOf(credentials);
  for (const section of credentials.sections) {
    const name = botocoreProfileName(section.name, 'credentials');
    if (name === null) continue;
    const entry = byName.get(name) ?? { values: new Map<string, string>() };
    for (const [k, v] of [...credentialDefaults, ...sectionValues(credentials, section)]) entry.values.set(k, v);
    entry.credentials = ref(credentials, section, 'credentials');
    byName.set(name, entry);
  }
  return [...byName].map(([name, p]) => ({ name, values: p.values, config: p.config, credentials: p.credentials }));
}
