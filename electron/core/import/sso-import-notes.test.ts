import { describe, expect, it } from 'vitest';
import { parseIni } from '../credentials-file/ini-document.js';
import { ssoProfileReason, ssoSessionNotes, ssoSessions } from './sso-import-notes.js';

const CONFIG = parseIni(
  [
    '[sso-session corp]',
    'sso_start_url = https://corp.awsapps.com/start',
    'sso_region = us-east-1',
    '[profile legacy]',
    'sso_start_url = https://old.awsapps.com/start',
    'sso_region = eu-west-1',
    'sso_account_id = 111111111111',
    'sso_role_name = ReadOnly',
  ].join('\n'),
  'config',
);

describe('import notes for an IAM Identity Center setup', () => {
  it('one note per [sso-session], with the sso add command that makes it here', () => {
    expect(ssoSessionNotes(CONFIG)).toEqual([
      {
        profile: 'sso-session corp',
        where: 'config line 1',
        why: expect.stringContaining('sts-tray sso add corp --start-url https://corp.awsapps.com/start --region us-east-1 --session-name corp') as unknown,
      },
    ]);
  });

  it('a legacy profile with its own sso_start_url names its URL, region, account and role', () => {
    const values = new Map([
      ['sso_start_url', 'https://old.awsapps.com/start'],
      ['sso_region', 'eu-west-1'],
      ['sso_account_id', '111111111111'],
      ['sso_role_name', 'ReadOnly'],
    ]);
    const why = ssoProfileReason(values, ssoSessions(CONFIG));
    expect(why).toMatch(/\(account 111111111111, role ReadOnly\)/);
    expect(why).toMatch(/--start-url https:\/\/old\.awsapps\.com\/start --region eu-west-1/);
  });
});
