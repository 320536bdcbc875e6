// The accounts and roles an Identity Center sign-in may use (ListAccounts, ListAccountRoles,
// every page), each proposed as a role of ours: a name, and an environment guessed the way
// import guesses it, from the account's and the role's names. Only a proposal: the person
// picks and edits before anything is saved.

import { ssoRoleArn, type SsoIdentity } from '../../contract/sso-identity.js';
import { guessEnvironment } from '../import/environment-guess.js';
import type { Environment, Role } from '../model.js';
import { roleSchema } from '../model.js';
import type { SsoAccount, SsoPortal } from './sso-ports.js';

export interface DiscoveredRole {
  readonly accountId: string;
  readonly accountName: string;
  readonly roleName: string;
  readonly env: Environment;
  /** The name proposed for the role (and its profile). */
  readonly name: string;
}

/** A portal paginated over a lot of accounts still ends: at most this many pages per list. */
const MAX_PAGES = 1000;

export async function discoverRoles(portal: SsoPortal, identity: SsoIdentity, accessToken: string): Promise<DiscoveredRole[]> {
  const region = identity.region;
  const accounts = await allPages<SsoAccount>(async (nextToken) => {
    const page = await portal.listAccounts({ region, accessToken, nextToken });
    return { items: page.accounts, nextToken: page.nextToken };
  });
  const found: DiscoveredRole[] = [];
  for (const account of accounts) {
    const roleNames = await allPages<string>(async (nextToken) => {
      const page = await portal.listAccountRoles({ region, accessToken, accountId: account.accountId, nextToken });
      return { items: page.roleNames, nextToken: page.nextToken };
    });
    for (const roleName of roleNames) {
      const env = guessEnvironment(account.accountName, ssoRoleArn(account.accountId, roleName));
      found.push({ accountId: account.accountId, accountName: account.accountName, roleName, env, name: proposedName(account, roleName) });
    }
  }
  return found;
}

/** The role of ours a discovered role becomes (env and name as the person left them). */
export function ssoRole(identity: SsoIdentity, discovered: Pick<DiscoveredRole, 'accountId' | 'roleName' | 'env' | 'name'>): Role {
  return roleSchema.parse({
    name: discovered.name,
    env: discovered.env,
    identity: identity.name,
    roleArn: ssoRoleArn(discovered.accountId, discovered.roleName),
    region: identity.roleRegion ?? identity.region,
  });
}

/** "tes-AdministratorAccess": the account's name (or id) and the permission set, as a name. */
function proposedName(account: SsoAccount, roleName: string): string {
  const base = account.accountName.trim() || account.accountId;
  return `${base}-${roleName}`.replace(/[^A-Za-z0-9_.@+-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64) || account.accountId;
}

async function allPages<T>(page: (nextToken: string | undefined) => Promise<{ items: readonly T[]; nextToken?: string | undefined }>): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  for (let i = 0; i < MAX_PAGES; i += 1) {
    const result = await page(nextToken);
    items.push(...result.items);
    nextToken = result.nextToken || undefined;
    if (!nextToken) return items;
  }
  return items;
}
