// What an Identity Center emulator is started with: the instance's region, the person signed
// in, the accounts and permission sets assigned to them, and test knobs for lifetimes.

import type { ExternalRoleCredentials } from '../sts-emulator/external-credentials.js';

export interface SsoEmulatorAccount {
  readonly accountId: string; // 12 digits
  readonly accountName: string; // e.g. 'tes', 'myco-prd'
  /** Permission sets assigned in this account, e.g. ['AdministratorAccess', 'ReadOnly']. */
  readonly roles: readonly string[];
}

/** Role credentials the portal handed out: what the STS emulator's acceptRoleCredentials takes. */
export type IssuedSsoCredentials = ExternalRoleCredentials;

export interface SsoEmulatorOptions {
  /** The region of the Identity Center instance; the others know no start URL. */
  readonly region: string;
  /** The signed-in person, e.g. 'dev@example.com'. */
  readonly user: string;
  readonly accounts: readonly SsoEmulatorAccount[];
  /** The emulator's clock in epoch ms; default Date.now. setClockSkewMs adds to it. */
  readonly now?: () => number;
  /** Access tokens live this long; default 3600. */
  readonly accessTokenSeconds?: number;
  /** Issue refresh tokens (when the client asked for sso:account:access); default true. */
  readonly refreshTokens?: boolean;
  /** Client registrations (and their refresh tokens) end after this long; default 90 days. */
  readonly clientRegistrationSeconds?: number;
  /** A device code must be approved within this long; default 600. */
  readonly deviceCodeSeconds?: number;
  /** Poll interval asked of clients; default 1 (as AWS). Faster polls get slow_down. */
  readonly intervalSeconds?: number;
  /** Role credentials live this long; default 3600. */
  readonly roleCredentialSeconds?: number;
  /** Items per page at most, whatever max_result asked; default 2, so clients must paginate. */
  readonly pageSize?: number;
  /** Called with every role credential issued (the STS emulator's acceptRoleCredentials). */
  readonly onRoleCredentials?: (credentials: IssuedSsoCredentials) => void;
}
