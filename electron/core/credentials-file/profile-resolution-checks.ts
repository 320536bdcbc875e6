// Checks made before we write a profile into a file other tools also read: the profile we
// write must be the one botocore and the JS SDK resolve. Two things break that silently:
// another section that a reader folds into ours under another spelling (`[profile "tes"]`
// next to our `[profile tes]`), and keys in configparser's [DEFAULT], which Python-based
// tools copy into every section, ours included.

import { StsTrayError } from '../errors.js';
import { type AwsFile, isLookAlike, ownSectionName } from './botocore-profile-name.js';
import { DEFAULT_SECTION, type IniDocument, sectionLabel } from './ini-document.js';

/** [DEFAULT] keys that make botocore resolve every profile another way than from its own keys. */
const REDIRECTING = /^(role_arn|source_profile|credential_process|credential_source|web_identity_token_file|sso_.*)$/;
/** In the credentials file, a [DEFAULT] token joins every long-lived key that has none. */
const CREDENTIALS_ONLY = new Set(['aws_security_token', 'aws_session_token']);

function lineOf(doc: IniDocument, index: number): number {
  return index + 1;
}

/** A look-alike header is shown as written when it is plainly a name with quotes or spaces. */
function headerLabel(name: string): string {
  return /^[A-Za-z0-9 _.@+%:/"'-]{1,64}$/.test(name) ? `[${name}]` : sectionLabel(name);
}

/** Throws `file-unsafe` naming the line when [DEFAULT] holds a key that would redirect our profiles. */
export function refuseRedirectingDefaults(doc: IniDocument, file: AwsFile): void {
  for (const section of doc.sections) {
    if (section.name !== DEFAULT_SECTION) continue;
    for (let i = section.header + 1; i < section.end; i += 1) {
      const line = doc.lines[i];
      if (line?.kind !== 'option') continue;
      if (!REDIRECTING.test(line.key) && !(file === 'credentials' && CREDENTIALS_ONLY.has(line.key))) continue;
      throw new StsTrayError(
        'file-unsafe',
        `${doc.file} line ${lineOf(doc, i)}: [DEFAULT] sets ${line.key}, which the AWS CLI and other Python-based tools copy into every profile, so the profile sts-tray writes would not work there. sts-tray did not change the file: move ${line.key} into the profiles that need it (or rename [DEFAULT] to [default] if you meant the default profile), then try again.`,
      );
    }
  }
}

/** Throws `conflict` naming both lines when a section another reader takes for one of `profiles` exists. */
export function refuseLookAlikes(doc: IniDocument, file: AwsFile, profiles: readonly string[]): void {
  if (profiles.length === 0) return;
  const wanted = new Set(profiles);
  const own = new Map(doc.sections.map((s) => [s.name, s.header]));
  for (const section of doc.sections) {
    if (section.name === DEFAULT_SECTION) continue;
    for (const profile of wanted) {
      if (!isLookAlike(section.name, file, profile)) continue;
      const ours = ownSectionName(profile, file);
      const ourLine = own.get(ours);
      const where = ourLine === undefined ? `the ${sectionLabel(ours)} sts-tray would write` : `${sectionLabel(ours)} on line ${lineOf(doc, ourLine)}`;
      throw new StsTrayError(
        'conflict',
        `${doc.file} line ${lineOf(doc, section.header)}: ${headerLabel(section.name)} is read by AWS tools as profile "${profile}", the same profile as ${where}. sts-tray did not change the file: rename that section to ${sectionLabel(ours)} (merging the two) or delete it, or choose another profile name for this role.`,
      );
    }
  }
}
