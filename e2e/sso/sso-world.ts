// An Identity Center emulator and an STS emulator that accepts the role credentials it
// issues, with the accounts of our users' setup (tes, stg, prd), for the SSO suites.

import { startSsoEmulator, type SsoEmulator, type SsoEmulatorOptions } from '../rig/sso-emulator/sso-emulator.js';
import { startStsEmulator, type StsEmulator } from '../rig/sts-emulator/sts-emulator.js';

export const SSO_REGION = 'ap-northeast-1';
export const SSO_USER = 'dev@example.com';

export const SSO_ACCOUNTS = [
  { accountId: '222222222222', accountName: 'myco-tes', roles: ['AdministratorAccess', 'ReadOnlyAccess'] },
  { accountId: '333333333333', accountName: 'myco-stg', roles: ['ReadOnlyAccess'] },
  { accountId: '444444444444', accountName: 'myco-prd', roles: ['ReadOnlyAccess'] },
] as const;

export interface SsoWorld {
  readonly sso: SsoEmulator;
  readonly sts: StsEmulator;
  close(): Promise<void>;
}

export async function startSsoWorld(overrides: Partial<SsoEmulatorOptions> = {}): Promise<SsoWorld> {
  const sts = await startStsEmulator({ users: [], roles: [] });
  const sso = await startSsoEmulator({
    region: SSO_REGION,
    user: SSO_USER,
    accounts: SSO_ACCOUNTS,
    onRoleCredentials: (credentials) => sts.acceptRoleCredentials(credentials),
    ...overrides,
  });
  return {
    sso,
    sts,
    close: async () => {
      await sso.close();
      await sts.close();
    },
  };
}
