import { describe, expect, it } from 'vitest';
import { environmentRoles } from './environment-roles.js';
import { appConfigSchema } from './model.js';

const config = appConfigSchema.parse({
  version: 1,
  identities: [{ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev' }],
  roles: [{ name: 'tes', env: 'tes', identity: 'dev', roleArn: 'arn:aws:iam::222222222222:role/tes-old', mfa: true }],
});

describe('environmentRoles', () => {
  it('names each role after its environment, or <env>-<role> when that name is taken', () => {
    const roles = environmentRoles(
      { identity: 'dev', roleName: 'deployer', accounts: { tes: '222222222222', prd: '444444444444' }, mfa: true, externalId: 'ext-1' },
      config,
    );
    expect(roles.map((r) => [r.name, r.env, r.roleArn, r.externalId])).toEqual([
      ['tes-deployer', 'tes', 'arn:aws:iam::222222222222:role/tes-deployer', 'ext-1'],
      ['prd', 'prd', 'arn:aws:iam::444444444444:role/prd-deployer', 'ext-1'],
    ]);
    expect(roles.every((r) => r.durationSeconds === 3600 && r.mfa && !r.mirrorDefault)).toBe(true);
  });

  it('gives each account its own external ID when it has one, the shared one otherwise', () => {
    const roles = environmentRoles(
      {
        identity: 'dev',
        roleName: 'ops',
        accounts: { tes: '222222222222', stg: '333333333333', prd: '444444444444' },
        externalId: 'ext-shared',
        externalIds: { stg: 'ext-stg', prd: 'ext-prd' },
        mfa: true,
      },
      config,
    );
    expect(roles.map((r) => [r.env, r.externalId])).toEqual([
      ['tes', 'ext-shared'],
      ['stg', 'ext-stg'],
      ['prd', 'ext-prd'],
    ]);
    const [own] = environmentRoles({ identity: 'dev', roleName: 'ops', accounts: { stg: '333333333333' }, externalIds: { stg: 'ext-stg' }, mfa: false }, config);
    expect(own?.externalId).toBe('ext-stg');
  });

  it('counts a profile name as taken too', () => {
    const withProfile = { ...config, roles: [{ ...config.roles[0]!, name: 'old', profile: 'stg' }] };
    const [role] = environmentRoles({ identity: 'dev', roleName: 'ops', accounts: { stg: '333333333333' }, mfa: false }, withProfile);
    expect(role?.name).toBe('stg-ops');
  });

  it('refuses a request without any account', () => {
    expect(() => environmentRoles({ identity: 'dev', roleName: 'ops', accounts: {}, mfa: false }, config)).toThrow(/at least one account/);
  });
});
