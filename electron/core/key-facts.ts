// What there is to know about an identity's long-lived key, without a secret in it: its
// account (GetAccessKeyInfo, flagged when no configured account matches), the user it signs
// as (GetCallerIdentity), its MFA device, its age (IAM's CreateDate when IAM lets us list
// keys, else when sts-tray stored it) and the user's other keys — among them a key an
// interrupted rotation left behind.

import type { AppServices } from './app-services.js';
import { StsTrayError, describeError } from './errors.js';
import { loadIdentityKey, loadStagedKey, maskKeyId } from './identity-keys.js';
import { takeInventory, type OtherKey } from './key-inventory.js';
import type { Identity } from './model.js';
import type { AccessKeyMetadata } from './ports.js';
import { findIdentity } from './sessions.js';

export interface KeyFacts {
  readonly identity: string;
  readonly accessKeyIdMasked: string;
  /** The account the key belongs to, as STS says. */
  readonly keyAccount: string;
  /** Accounts the configuration leads us to expect: the identity's own and its roles'. */
  readonly expectedAccounts: readonly string[];
  readonly unexpectedAccount: boolean;
  readonly userArn: string;
  readonly mfaSerial: string | null;
  readonly keyCreatedAt: number | null;
  /** Where the age comes from: IAM's CreateDate, or when sts-tray stored the key. */
  readonly keyAgeFrom: 'iam' | 'stored' | null;
  readonly ageDays: number | null;
  readonly maxAgeDays: number;
  readonly rotationDue: boolean;
  readonly otherKeys: readonly OtherKey[];
  readonly notes: readonly string[];
}

const DAY_MS = 86_400_000;

type KeyFactsServices = Pick<AppServices, 'configStore' | 'secrets' | 'sts' | 'sessions' | 'tools' | 'clock'>;

export async function keyFacts(services: KeyFactsServices, identityName: string): Promise<KeyFacts> {
  const config = await services.configStore.load();
  const identity = findIdentity(config, identityName);
  const key = await loadIdentityKey(services.secrets, identity);
  const call = { credentials: key, region: identity.region };
  const keyAccount = await services.tools.stsTools.getAccessKeyInfo({ ...call, accessKeyId: key.accessKeyId });
  const caller = await services.sts.getCallerIdentity(call);
  const expected = expectedAccounts(identity, config.roles.filter((r) => r.identity === identity.name).map((r) => r.roleArn));
  const notes: string[] = [];

  let keys: AccessKeyMetadata[] | null = null;
  const mfa = await services.sessions.liveMfaSession(identity.name);
  try {
    keys = await services.tools.iam.listAccessKeys({ credentials: mfa ?? key, region: identity.region });
  } catch (error) {
    if (!(error instanceof StsTrayError)) throw error;
    const hint = !mfa && identity.mfaSerial ? ' (policies that require MFA refuse it without an MFA session: start one, e.g. with sts-tray assume, and ask again)' : '';
    notes.push(`IAM's key list is not available, so the key's age counts from when sts-tray stored it: ${describeError(error)}${hint}`);
  }
  const staged = (await loadStagedKey(services.secrets, identity.name))?.accessKeyId ?? null;
  const inventory = keys ? takeInventory(identity, keys, staged) : { current: undefined, others: [] };
  if (keys && !inventory.current) notes.push(`IAM does not list the key sts-tray holds (${maskKeyId(identity.accessKeyId)}) for this user`);

  const storedAt = identity.keyStoredAt === undefined ? null : Date.parse(identity.keyStoredAt);
  const keyCreatedAt = inventory.current?.createdAt ?? storedAt;
  const keyAgeFrom = inventory.current ? 'iam' : storedAt === null ? null : 'stored';
  const ageDays = keyCreatedAt === null ? null : Math.floor((services.clock.now() - keyCreatedAt) / DAY_MS);
  const { maxAgeDays } = config.preferences.keys;
  return {
    identity: identity.name,
    accessKeyIdMasked: maskKeyId(identity.accessKeyId),
    keyAccount,
    expectedAccounts: expected,
    unexpectedAccount: expected.length > 0 && !expected.includes(keyAccount),
    userArn: caller.arn,
    mfaSerial: identity.mfaSerial ?? null,
    keyCreatedAt,
    keyAgeFrom,
    ageDays,
    maxAgeDays,
    rotationDue: ageDays !== null && ageDays >= maxAgeDays,
    otherKeys: inventory.others,
    notes,
  };
}

function expectedAccounts(identity: Identity, roleArns: readonly string[]): string[] {
  const mfaAccount = identity.mfaSerial?.match(/^arn:aws[\w-]*:iam::([0-9]{12}):mfa\//)?.[1];
  const accounts = [identity.account, mfaAccount, ...roleArns.map((arn) => arn.split(':')[4])];
  return [...new Set(accounts.filter((a): a is string => a !== undefined && /^[0-9]{12}$/.test(a)))];
}
