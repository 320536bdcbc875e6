import { describe, expect, it } from 'vitest';
import { maskKeyId } from './identity-keys.js';
import { appConfigSchema } from './model.js';
import { identityStatuses, roleStatuses } from './status-view.js';

const NOW = Date.UTC(2026, 10, 23, 9, 0, 0);
const config = appConfigSchema.parse({
  version: 1,
  identities: [{ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev' }],
  roles: [
    { name: 'tes', env: 'tes', identity: 'dev', roleArn: 'arn:aws:iam::222222222222:role/tes-a' },
    { name: 'stg', env: 'stg', identity: 'dev', roleArn: 'arn:aws:iam::333333333333:role/stg-a', profile: 'stg-repository' },
    { name: 'prd', env: 'prd', identity: 'dev', roleArn: 'arn:aws:iam::444444444444:role/prd-a' },
  ],
});

describe('roleStatuses', () => {
  it('untracked roles read the file: no profile idle, working credentials active, past their end expired', () => {
    const owned = [
      { profile: 'stg-repository', expiresAt: NOW + 60_000, source: 'role stg' },
      { profile: 'prd', expiresAt: NOW - 1, source: 'role prd' },
    ];
    expect(roleStatuses(config, owned, NOW).map((r) => [r.role.name, r.profileName, r.status, r.expiresAt])).toEqual([
      ['tes', 'tes', 'idle', null],
      ['stg', 'stg-repository', 'active', NOW + 60_000],
      ['prd', 'prd', 'expired', NOW - 1],
    ]);
  });

  it('a role the engine tracks shows the engine state, not the file', () => {
    const engine = {
      roles: [{ role: 'prd', identity: 'dev', status: 'needs-mfa' as const, expiresAt: NOW + 5, nextRenewalAt: null, lastError: { code: 'needs-mfa' as const, message: 'code' } }],
      mfaSessions: [],
    };
    const [, , prd] = roleStatuses(config, [{ profile: 'prd', expiresAt: NOW - 1, source: 'role prd' }], NOW, engine);
    expect(prd).toMatchObject({ status: 'needs-mfa', expiresAt: NOW + 5, lastError: { code: 'needs-mfa' } });
  });
});

describe('identityStatuses', () => {
  it('the engine’s MFA session end first, else the keychain’s; a keychain failure reaches the caller', async () => {
    const engine = { roles: [], mfaSessions: [{ identity: 'dev', expiresAt: NOW + 1000 }] };
    expect((await identityStatuses(config, async () => NOW + 9, NOW, engine))[0]?.mfaSessionExpiresAt).toBe(NOW + 1000);
    expect((await identityStatuses(config, async () => NOW + 9, NOW))[0]?.mfaSessionExpiresAt).toBe(NOW + 9);
    expect((await identityStatuses(config, async () => NOW - 9, NOW))[0]?.mfaSessionExpiresAt).toBeNull();
    expect((await identityStatuses(config, async () => null, NOW))[0]).toMatchObject({ name: 'dev', accessKeyIdMasked: maskKeyId('AKIAFAKEFAKEFAKE0001') });
    await expect(identityStatuses(config, () => Promise.reject(new Error('no D-Bus')), NOW)).rejects.toThrow('no D-Bus');
  });
});
