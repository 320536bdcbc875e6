import { describe, expect, it } from 'vitest';
import { parseIni } from './ini-document.js';
import { markerLine } from './owned-section.js';
import { type SectionKeyEdit, editSectionKeys, verifySectionKeyEdit } from './section-key-edit.js';
import { joinLines } from './text-lines.js';

function edited(text: string, edit: SectionKeyEdit): string {
  const doc = parseIni(text, 'f');
  const next = joinLines(editSectionKeys(doc, edit));
  verifySectionKeyEdit(doc, next, edit);
  return next;
}

const KEYS = ['aws_access_key_id', 'aws_secret_access_key'];

describe('editSectionKeys', () => {
  it.each([
    [
      'drops the key lines only, every other byte stays',
      '# mine\n[hub]\n; keep\nAWS_ACCESS_KEY_ID = AKIAFAKE\naws_secret_access_key=fake-secret\nregion = ap-northeast-1\n\n[other]\nk = v\n',
      { section: 'hub', drop: KEYS },
      '# mine\n[hub]\n; keep\nregion = ap-northeast-1\n\n[other]\nk = v\n',
    ],
    [
      'CRLF and no final newline',
      '[a]\r\nk = v\r\n[hub]\r\naws_access_key_id = AKIAFAKE\r\naws_secret_access_key = fake-secret',
      { section: 'hub', drop: KEYS },
      '[a]\r\nk = v\r\n[hub]',
    ],
    [
      'continuation lines of a dropped key go with it',
      '[hub]\naws_secret_access_key = fake\n  continued\noutput = json\n',
      { section: 'hub', drop: ['aws_secret_access_key'] },
      '[hub]\noutput = json\n',
    ],
    [
      'hands a role profile over: marker under the header, role keys out, credential_process in, region kept',
      '[profile tes]\nrole_arn = arn:aws:iam::222222222222:role/tes-x\nsource_profile = hub\nregion = ap-northeast-1 # tokyo\n\n# next\n[profile x]\n',
      { section: 'profile tes', drop: ['role_arn', 'source_profile'], set: [['credential_process', 'sts-tray credential-process tes']], adoptAs: 'role tes' },
      `[profile tes]\n${markerLine('role tes')}\nregion = ap-northeast-1 # tokyo\ncredential_process = sts-tray credential-process tes\n\n# next\n[profile x]\n`,
    ],
    [
      'hand-over of a section that ends the file without a newline',
      '[profile tes]\nrole_arn = arn\nsource_profile = hub',
      { section: 'profile tes', drop: ['role_arn', 'source_profile'], set: [['credential_process', 'c']], adoptAs: 'role tes' },
      `[profile tes]\n${markerLine('role tes')}\ncredential_process = c`,
    ],
  ] as const)('%s', (_name, text, edit, expected) => {
    expect(edited(text, edit)).toBe(expected);
  });
});
