// `sts-tray identity add|list|remove`: source identities (IAM user keys).

import { StsTrayError } from '../core/errors.js';
import { addIdentity, removeIdentity } from '../core/identity-admin.js';
import { identitySchema, type Identity } from '../core/model.js';
import { parseOrThrow } from '../core/schema-errors.js';
import { identityStatuses } from '../core/status-view.js';
import { flag, nameArg, requiredOption, secondsOption, stringOption, type CommandContext } from './command-context.js';
import { formatTable, timeLeft } from './format.js';

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
      consolePolicy: stringOption(ctx, 'console-policy'),
    },
    `identity ${nameArg(ctx)}`,
    { name: 'NAME', accessKeyId: '--access-key-id', mfaSerial: '--mfa-serial', region: '--region', mfaSessionSeconds: '--mfa-session-seconds' },
  );
  const exists = (await services.configStore.load()).identities.some((i) => i.name === identity.name);
  if (exists && !flag(ctx, 'replace')) {
    throw new StsTrayError('conflict', `identity "${identity.name}" exists; add --replace to store a new key for it`);
  }
  const secret = await io.readSecret(`Secret access key for ${identity.accessKeyId}: `);
  if (secret.trim() === '' && !io.interactive) {
    throw new StsTrayError(
      'usage',
      `no secret access key: stdin was empty and there is no terminal to ask on. Pipe it in (for example: pass show aws/${identity.name} | sts-tray identity add ${identity.name} --access-key-id ${identity.accessKeyId}), or run the command in a terminal`,
    );
  }
  const caller = await addIdentity(services, identity, secret, { replace: flag(ctx, 'replace'), verify: !flag(ctx, 'no-verify') });
  if (caller) io.out(`verified: account ${caller.account}, ${caller.arn}\n`);
  io.out(`identity ${identity.name} saved; its secret key is in the OS keychain\n`);
}

export async function identityList(ctx: CommandContext): Promise<void> {
  const { services, io } = ctx;
  const config = await services.configStore.load();
  const rows = (await identityStatuses(config, (name) => services.sessions.mfaSessionExpiresAt(name), Date.now())).map((i) => ({
    name: i.name,
    accessKeyId: i.accessKeyIdMasked,
    region: i.region,
    mfaSerial: i.mfaSerial,
    mfaSessionExpiresAt: i.mfaSessionExpiresAt,
  }));
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
  await removeIdentity(services, name);
  io.out(`identity ${name} removed, and its keys deleted from the OS keychain\n`);
}
