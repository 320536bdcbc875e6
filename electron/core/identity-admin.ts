// Adding and removing identities: the one implementation behind the CLI and the tray's
// IPC. The secret key goes to the keychain only after STS accepted it (unless told not to
// check), and the config never holds it.

import { StsTrayError } from './errors.js';
import type { AppServices } from './app-services.js';
import { checkSecretAccessKey, saveIdentityKey } from './identity-keys.js';
import { identityKeyItem, identityNextKeyItem, mfaSessionItem } from './keychain-items.js';
import type { CallerIdentity, Identity } from './model.js';

export interface AddIdentityOptions {
  /** Store a new key for an identity that exists. */
  readonly replace?: boolean;
  /** Skip GetCallerIdentity (offline set-up). */
  readonly verify?: boolean;
}

type IdentityAdminServices = Pick<AppServices, 'configStore' | 'secrets' | 'sts' | 'sessions' | 'clock'>;

/** Verifies the key with STS, stores it in the keychain, then the identity in the config. */
export async function addIdentity(
  services: IdentityAdminServices,
  identity: Identity,
  secretAccessKey: string,
  options: AddIdentityOptions = {},
): Promise<CallerIdentity | null> {
  const before = await services.configStore.load();
  const existing = before.identities.find((i) => i.name === identity.name);
  if (existing && !options.replace) {
    throw new StsTrayError('conflict', `identity "${identity.name}" exists; replace it to store a new key for it`);
  }
  const problem = checkSecretAccessKey(secretAccessKey);
  if (problem) throw new StsTrayError('validation', `secret access key: ${problem}`);

  let caller: CallerIdentity | null = null;
  if (options.verify !== false) {
    caller = await services.sts.getCallerIdentity({
      credentials: { accessKeyId: identity.accessKeyId, secretAccessKey },
      region: identity.region,
    });
    const mfaAccount = identity.mfaSerial?.match(/^arn:aws[\w-]*:iam::([0-9]{12}):mfa\//)?.[1];
    if (mfaAccount && mfaAccount !== caller.account) {
      throw new StsTrayError(
        'validation',
        `the MFA device ${identity.mfaSerial} is in account ${mfaAccount}, but this key belongs to account ${caller.account}; check the MFA device`,
      );
    }
  }

  await saveIdentityKey(services.secrets, identity, secretAccessKey);
  // The key's account and when we stored it: key facts flag a key from elsewhere and tell its age from these.
  const stored: Identity = {
    ...identity,
    account: caller?.account ?? identity.account,
    keyStoredAt: new Date(services.clock.now()).toISOString(),
    rotation: undefined,
    retiredAccessKeyId: undefined,
  };
  try {
    await services.configStore.update((config) => ({
      ...config,
      identities: [...config.identities.filter((i) => i.name !== identity.name), stored],
    }));
  } catch (error) {
    if (!existing) await services.secrets.delete(identityKeyItem(identity.name));
    throw error;
  }
  if (existing) await services.sessions.forgetMfaSession(identity.name);
  return caller;
}

/** Removes an identity no role uses, with its key and MFA session in the keychain. */
export async function removeIdentity(services: Pick<AppServices, 'configStore' | 'secrets'>, name: string): Promise<void> {
  const config = await services.configStore.load();
  if (!config.identities.some((i) => i.name === name)) {
    throw new StsTrayError('not-found', `no identity named "${name}"`);
  }
  const users = config.roles.filter((r) => r.identity === name).map((r) => r.name);
  if (users.length > 0) {
    throw new StsTrayError('conflict', `identity "${name}" is used by role(s) ${users.join(', ')}; remove those roles first`);
  }
  await services.configStore.update((c) => ({ ...c, identities: c.identities.filter((i) => i.name !== name) }));
  await services.secrets.delete(identityKeyItem(name));
  await services.secrets.delete(identityNextKeyItem(name));
  await services.secrets.delete(mfaSessionItem(name));
}
