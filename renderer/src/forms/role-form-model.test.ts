import { describe, expect, it } from 'vitest';
import { roleSchema } from '../../../electron/contract/config-schema.js';
import { checkRoleDraft, draftFromRole, emptyRoleDraft, type RoleDraft } from './role-form-model.js';

const good: RoleDraft = {
  ...emptyRoleDraft('dev'),
  name: 'tes-repository',
  env: 'tes',
  accountId: '111111111111',
  roleName: 'tes-repository',
  externalId: 'ext-tes',
};

const fieldsWithProblems = (draft: RoleDraft) =>
  Object.entries(checkRoleDraft(draft).problems)
    .filter(([, p]) => p !== undefined)
    .map(([f]) => f);

describe('checkRoleDraft', () => {
  it('builds the ARN from an account ID and a role name, and leaves blank options out', () => {
    const { role, problems } = checkRoleDraft(good);
    expect(problems).toEqual({});
    expect(role).toEqual({
      name: 'tes-repository',
      env: 'tes',
      identity: 'dev',
      roleArn: 'arn:aws:iam::111111111111:role/tes-repository',
      externalId: 'ext-tes',
      durationSeconds: 3600,
      mfa: true,
      mirrorDefault: false,
    });
  });

  it.each<[string, Partial<RoleDraft>, string[]]>([
    ['an 11-digit account ID', { accountId: '11111111111' }, ['accountId']],
    ['a role name with a space', { roleName: 'tes repo' }, ['roleName']],
    ['a one-character external ID', { externalId: 'x' }, ['externalId']],
    ['a duration of 899 s', { durationSeconds: '899' }, ['durationSeconds']],
    ['a duration of 43201 s', { durationSeconds: '43201' }, ['durationSeconds']],
    ['a duration that is not a number', { durationSeconds: '1h' }, ['durationSeconds']],
    ['a 65-character session name', { sessionName: 'a'.repeat(65) }, ['sessionName']],
    ['a session name with a space', { sessionName: 'me here' }, ['sessionName']],
    ['a region typo', { region: 'ap-northeast1' }, ['region']],
    ['a profile with a bracket', { profile: 'x]' }, ['profile']],
    ['a name with a space', { name: 'tes repo' }, ['name']],
    ['no identity', { identity: '' }, ['identity']],
    ['a bad whole ARN', { arnMode: 'arn', roleArn: 'arn:aws:iam::12345:role/x' }, ['roleArn']],
  ])('%s is refused at its field, and only there', (_what, change, fields) => {
    const { role } = checkRoleDraft({ ...good, ...change });
    expect(role).toBeNull();
    expect(fieldsWithProblems({ ...good, ...change })).toEqual(fields);
  });

  it('takes a whole ARN with a path in ARN mode', () => {
    const { role } = checkRoleDraft({ ...good, arnMode: 'arn', roleArn: 'arn:aws:iam::111111111111:role/team/deployer' });
    expect(role?.roleArn).toBe('arn:aws:iam::111111111111:role/team/deployer');
  });

  it('agrees with the core: what it accepts, roleSchema accepts', () => {
    const { role } = checkRoleDraft({ ...good, sessionName: 'me', region: 'ap-northeast-1', profile: 'tes', mirrorDefault: true });
    expect(roleSchema.safeParse(role).success).toBe(true);
  });
});

describe('draftFromRole', () => {
  it('opens a plain ARN as its parts and gives the same role back', () => {
    const role = roleSchema.parse({
      name: 'stg',
      env: 'stg',
      identity: 'dev',
      roleArn: 'arn:aws:iam::222222222222:role/stg-deployer',
      durationSeconds: 7200,
      profile: 'stg-repository',
    });
    const draft = draftFromRole(role);
    expect(draft).toMatchObject({ arnMode: 'parts', accountId: '222222222222', roleName: 'stg-deployer' });
    expect(checkRoleDraft(draft).role).toEqual(role);
  });

  it('opens an ARN with a path or another partition whole', () => {
    const role = roleSchema.parse({ name: 'cn', identity: 'dev', roleArn: 'arn:aws-cn:iam::222222222222:role/x' });
    expect(draftFromRole(role)).toMatchObject({ arnMode: 'arn', roleArn: 'arn:aws-cn:iam::222222222222:role/x' });
    expect(checkRoleDraft(draftFromRole(role)).role).toEqual(role);
  });
});

describe('the credential_process switch', () => {
  it('asks for credential_process when on, leaves the field out when off, and opens a served role switched on', () => {
    expect(checkRoleDraft({ ...good, credentialProcess: true }).role).toMatchObject({ credentialProcess: true });
    expect(checkRoleDraft(good).role).not.toHaveProperty('credentialProcess');
    const role = roleSchema.parse({ name: 'tes', identity: 'dev', roleArn: 'arn:aws:iam::222222222222:role/tes-deployer', credentialProcess: true });
    expect(draftFromRole(role).credentialProcess).toBe(true);
    expect(checkRoleDraft(draftFromRole(role)).role).toEqual(role);
  });
});

describe('a chained role in the form', () => {
  const chained: RoleDraft = { ...good, sourceRole: 'hub', mfa: true };

  it('gives a role with its source and no MFA of its own (MFA is the root’s)', () => {
    expect(checkRoleDraft(chained).role).toMatchObject({ sourceRole: 'hub', mfa: false, durationSeconds: 3600 });
  });

  it('refuses a duration over the 1 h chaining limit at the duration field, as the core does', () => {
    const draft = { ...chained, durationSeconds: '7200' };
    expect(checkRoleDraft(draft).role).toBeNull();
    expect(fieldsWithProblems(draft)).toEqual(['durationSeconds']);
    expect(roleSchema.safeParse({ name: 'x', identity: 'dev', roleArn: 'arn:aws:iam::111111111111:role/x', sourceRole: 'hub', durationSeconds: 7200 }).success).toBe(false);
  });

  it('opens a chained role with its source and gives the same role back', () => {
    const role = roleSchema.parse({ name: 'admin', identity: 'dev', roleArn: 'arn:aws:iam::333333333333:role/admin', sourceRole: 'hub' });
    expect(draftFromRole(role).sourceRole).toBe('hub');
    expect(checkRoleDraft(draftFromRole(role)).role).toEqual(role);
  });
});
