// What import says about a user's IAM Identity Center setup, which it leaves as it is: each
// `[sso-session NAME]` and each profile with sso_* keys, with the sts-tray commands that make
// the same sign-in here (whose tokens then live in the keychain, not ~/.aws/sso/cache).

import type { IniDocument } from '../credentials-file/ini-document.js';
import { sectionValues } from '../credentials-file/ini-document.js';

export interface SsoNote {
  readonly profile: string;
  readonly where: string;
  readonly why: string;
}

const SESSION_SECTION = /^sso-session\s+(\S+)$/;

/** The reason shown for a profile that signs in through Identity Center. */
export function ssoProfileReason(values: ReadonlyMap<string, string>, sessions: ReadonlyMap<string, ReadonlyMap<string, string>>): string {
  const sessionName = values.get('sso_session');
  const session = sessionName === undefined ? undefined : sessions.get(sessionName);
  const startUrl = values.get('sso_start_url') ?? session?.get('sso_start_url') ?? 'URL';
  const region = values.get('sso_region') ?? session?.get('sso_region') ?? 'REGION';
  const name = sessionName ?? 'NAME';
  const target = [values.get('sso_account_id') && `account ${values.get('sso_account_id')}`, values.get('sso_role_name') && `role ${values.get('sso_role_name')}`]
    .filter(Boolean)
    .join(', ');
  return (
    `it signs in through IAM Identity Center${target ? ` (${target})` : ''}, which import leaves as it is (it keeps working); ` +
    `to switch it from sts-tray: sts-tray sso add ${name} --start-url ${startUrl} --region ${region}, sts-tray sso login ${name}, sts-tray sso roles ${name} --add`
  );
}

/** The `[sso-session NAME]` sections of the config file: name, 1-based header line and keys. */
function sessionSections(config: IniDocument): Array<{ readonly name: string; readonly line: number; readonly values: ReadonlyMap<string, string> }> {
  return config.sections.flatMap((section) => {
    const name = SESSION_SECTION.exec(section.name.trim())?.[1];
    return name === undefined ? [] : [{ name, line: section.header + 1, values: sectionValues(config, section) }];
  });
}

/** The `[sso-session]` sections of the config file, by name, with their keys. */
export function ssoSessions(config: IniDocument): Map<string, ReadonlyMap<string, string>> {
  return new Map(sessionSections(config).map(({ name, values }) => [name, values]));
}

/** One note per `[sso-session]`: not imported, and how to add the same sign-in here. */
export function ssoSessionNotes(config: IniDocument): SsoNote[] {
  return sessionSections(config).map(({ name, line, values }) => ({
    profile: `sso-session ${name}`,
    where: `config line ${line}`,
    why:
      `an IAM Identity Center sign-in, which import leaves as it is; sts-tray keeps its own (tokens in the OS keychain): ` +
      `sts-tray sso add ${name} --start-url ${values.get('sso_start_url') ?? 'URL'} --region ${values.get('sso_region') ?? 'REGION'} --session-name ${name}`,
  }));
}
