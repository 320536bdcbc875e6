// `sts-tray identity add|list|remove`: source identities (IAM user keys).

import { StsTrayError } from '../core/errors.js';
import { checkSecretAccessKey, saveIdentityKey } from '../core/identity-keys.js';
import { identityKeyItem, mfaSessionItem } from '../core/keychain-items.js';
import { identitySchema, type Identity } from '../core/model.js';
import { parseOrThrow } from '../core/schema-errors.js';
import { flag, nameArg, requiredOption, secondsOption, stringOption, type CommandContext } from './commands.js';
import { formatTable, maskKeyId, timeLeft } from './format.js';

export async function identityAdd(ctx: CommandContext): Promise<void> {
  const { services, io } = ctx;
  const identity: Identity = parseOrThrow(
    identitySchema,
    {
      name: nameArg(ctx),
      accessKeyId: requiredOption(ctx, 'access-key-id'),
      mfaSerial: stringOption(ctx, 'mfa-serial'),
      region: stringOption(ctx, 'region'),
      mfaSessionSeconds: secondsOption(ctx, 'mfa-session-seconds'),
    },
    'identity',
  );
  const before = await services.configStore.load();
  const existing = before.identities.find((i) => i.name === identity.name);
  if (existing && !flag(ctx, 'replace')) {
    throw new StsTrayError('conflict', `identity "${identity.name}" exists; add --replace to store a new key for it`);
  }

  const secret = await io.readSecret(`Secret access key for ${identity.accessKeyId}: `);
  const problem = checkSecretAccessKey(secret);
  if (problem) throw new StsTrayError('validation', `secret access key: ${problem}`);

  if (!flag(ctx, 'no-verify')) {
    const caller = await services.sts.getCallerIdentity({
      credentials: { accessKeyId: identity.accessKeyId, secretAccessKey: secret },
      region: identity.region,
    });
    const mfaAccount = identity.mfaSerial?.match(/^arn:aws[\w-]*:iam::([0-9]{12}):mfa\//)?.[1];
    if (mfaAccount && mfaAccount !== caller.account) {
      throw new StsTrayError(
        'validation',
        `the MFA device ${identity.mfaSerial} is in account ${mfaAccount}, but this key belongs to account ${caller.account}; check --mfa-serial`,
      );
    }
    io.out(`verified: account ${caller.account}, ${caller.arn}\n`);
  }

  await saveIdentityKey(services.secrets, identity, secret);
  try {
    await services.configStore.update((config) => ({
      ...config,
      identities: [...config.identities.filter((i) => i.name !== identity.name), identity],
    }));
  } catch (error) {
    if (!existing) await services.secrets.delete(identityKeyItem(identity.name));
    throw error;
  }
  // A new key starts a new MFA session.
  if (existing) await services.sessions.forgetMfaSession(identity.name);
  io.out(`identity ${identity.name} saved; its secret key is in the OS keychain\n`);
}

export async function identityList(ctx: CommandContext): Promise<void> {
  const { services, io } = ctx;
  const config = await services.configStore.load();
  const rows = await Promise.all(
    config.identities.map(async (i) => ({
      name: i.name,
      accessKeyId: maskKeyId(i.accessKeyId),
      region: i.region,
      mfaSerial: i.mfaSerial ?? null,
      mfaSessionExpiresAt: i.mfaSerial ? await services.sessions.mfaSessionExpiresAt(i.name) : null,
    })),
  );
  if (flag(ctx, 'json')) {
    io.out(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  if (rows.length === 0) {
    io.out('no identities yet; add one with: sts-tray identity add NAME --access-key-id AKIA…\n');
    return;
  }
  io.out(
    formatTable(
      ['NAME', 'ACCESS KEY', 'REGION', 'MFA DEVICE', 'MFA SESSION'],
      rows.map((r) => [r.name, r.accessKeyId, r.region, r.mfaSerial ?? '-', timeLeft(r.mfaSessionExpiresAt, Date.now())]),
    ),
  );
}

export async function identityRemove(ctx: CommandContext): Promise<void> {
  const { services, io } = ctx;
  const name = nameArg(ctx);
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
  await services.secrets.delete(mfaSessionItem(name));
  io.out(`identity ${name} removed, and its keys deleted from the OS keychain\n`);
}
