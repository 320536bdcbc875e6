// `sts-tray role add|list|remove`: roles assumed from an identity.

import { StsTrayError, describeError } from '../core/errors.js';
import { profileOf, roleSchema, type Role } from '../core/model.js';
import { parseOrThrow } from '../core/schema-errors.js';
import { removeRole, saveRole, saveServedRole } from '../core/role-admin.js';
import { rootIdentityOf } from '../core/role-chain.js';
import { resolveChain } from '../contract/role-chain.js';
import { checkAccountId, checkRoleName, roleArnFrom } from '../contract/sts-limits.js';
import { flag, nameArg, requiredOption, secondsOption, stringOption, withMfaCode, type CommandContext } from './command-context.js';
import { formatTable } from './format.js';
import { cliLauncher } from './cli-launcher.js';

/** The role fields as the flags that set them, for messages about bad input. */
const ROLE_FLAGS = {
  name: 'NAME',
  identity: '--identity',
  sourceRole: '--source-role',
  roleArn: '--role-arn',
  env: '--env',
  externalId: '--external-id',
  sessionName: '--session-name',
  durationSeconds: '--duration',
  region: '--region',
  profile: '--profile',
} as const;

function roleArnFromOptions(ctx: CommandContext): string {
  const arn = stringOption(ctx, 'role-arn');
  const account = stringOption(ctx, 'account');
  const roleName = stringOption(ctx, 'role-name');
  if (arn !== undefined) {
    if (account !== undefined || roleName !== undefined) {
      throw new StsTrayError('usage', 'give either --role-arn or --account with --role-name, not both');
    }
    return arn;
  }
  if (account === undefined || roleName === undefined) {
    throw new StsTrayError('usage', 'give --role-arn, or --account and --role-name');
  }
  const accountProblem = checkAccountId(account);
  if (accountProblem) throw new StsTrayError('validation', `--account: ${accountProblem}`);
  const nameProblem = checkRoleName(roleName);
  if (nameProblem) throw new StsTrayError('validation', `--role-name: ${nameProblem}`);
  return roleArnFrom(account, roleName);
}

/** The identity of a new role: given, or, for a chained role, the one its source's chain starts at. */
async function identityFromOptions(ctx: CommandContext): Promise<string> {
  const identity = stringOption(ctx, 'identity');
  const source = stringOption(ctx, 'source-role');
  if (source === undefined) return requiredOption(ctx, 'identity');
  if (identity !== undefined) {
    throw new StsTrayError('usage', 'give either --identity or --source-role, not both: a chained role uses the identity its source role starts from');
  }
  return rootIdentityOf(await ctx.services.configStore.load(), source);
}

export async function roleAdd(ctx: CommandContext): Promise<void> {
  const { services, io } = ctx;
  const role: Role = parseOrThrow(
    roleSchema,
    {
      name: nameArg(ctx),
      identity: await identityFromOptions(ctx),
      sourceRole: stringOption(ctx, 'source-role'),
      roleArn: roleArnFromOptions(ctx),
      env: stringOption(ctx, 'env'),
      externalId: stringOption(ctx, 'external-id'),
      sessionName: stringOption(ctx, 'session-name'),
      durationSeconds: secondsOption(ctx, 'duration'),
      region: stringOption(ctx, 'region'),
      mfa: flag(ctx, 'mfa'),
      profile: stringOption(ctx, 'profile'),
      mirrorDefault: flag(ctx, 'mirror-default'),
      credentialProcess: flag(ctx, 'credential-process') || undefined,
    },
    `role ${nameArg(ctx)}`,
    ROLE_FLAGS,
  );
  const { roles } = await services.configStore.load();
  if (!flag(ctx, 'replace') && roles.some((r) => r.name === role.name)) {
    throw new StsTrayError('conflict', `role "${role.name}" exists; add --replace to change it, or choose another name`);
  }
  if (flag(ctx, 'verify')) await saveVerified(ctx, role, roles);
  const { command, notices } = await saveServedRole(services, role, { replace: flag(ctx, 'replace') || flag(ctx, 'verify') }, cliLauncher);
  const chained = role.sourceRole === undefined ? '' : `, assumed with role ${role.sourceRole}'s session`;
  io.out(`role ${role.name} saved: ${role.roleArn} → profile [${profileOf(role)}]${role.mfa ? ', MFA' : ''}${chained}\n`);
  if (command !== null) {
    for (const notice of notices) io.err(`note: ${notice}\n`);
    io.out(`${services.awsFiles.config}: [${profileOf(role) === 'default' ? 'default' : `profile ${profileOf(role)}`}] credential_process = ${command}\n`);
  }
}

/**
 * --verify: the role is saved, assumed once (asking for a code as assume does), and put back as
 * it was when STS refuses it, so a role that can never be assumed is not kept.
 */
async function saveVerified(ctx: CommandContext, role: Role, before: readonly Role[]): Promise<void> {
  const { services, io } = ctx;
  await saveRole(services, role, { replace: flag(ctx, 'replace') });
  try {
    const session = await withMfaCode(ctx, (mfaCode) => services.sessions.roleSession(role.name, { mfaCode, fresh: true }));
    io.out(`verified: STS let ${role.identity}${role.sourceRole === undefined ? '' : ` (through ${role.sourceRole})`} assume it as ${session.credentials.assumedRoleArn ?? role.roleArn}\n`);
  } catch (error) {
    await services.configStore.update((config) => ({ ...config, roles: [...before] }));
    services.sessions.dropRoleSession(role.name);
    const code = error instanceof StsTrayError ? error.code : 'access-denied';
    throw new StsTrayError(code, `role ${role.name} was not saved: the AssumeRole try failed: ${describeError(error)}`);
  }
}

export async function roleList(ctx: CommandContext): Promise<void> {
  const { services, io } = ctx;
  const config = await services.configStore.load();
  if (flag(ctx, 'names')) {
    io.out(config.roles.map((r) => `${r.name}\n`).join(''));
    return;
  }
  if (flag(ctx, 'json')) {
    io.out(`${JSON.stringify(config.roles.map((r) => ({ ...r, profile: profileOf(r) })), null, 2)}\n`);
    return;
  }
  if (config.roles.length === 0) {
    io.out('no roles yet; add one with: sts-tray role add NAME --identity ID --role-arn ARN\n');
    return;
  }
  io.out(
    formatTable(
      ['NAME', 'ENV', 'PROFILE', 'IDENTITY', 'SOURCE', 'MFA', 'ROLE ARN'],
      config.roles.map((r) => [
        r.name,
        r.env,
        profileOf(r) + (r.mirrorDefault ? ' +default' : ''),
        r.identity,
        r.sourceRole === undefined ? `identity ${r.identity}` : `role ${r.sourceRole}`,
        mfaOf(config.roles, r),
        r.roleArn,
      ]),
    ),
  );
}

/** A chained role asks for no code itself: its chain's root does, if it needs one. */
function mfaOf(roles: readonly Role[], role: Role): string {
  if (role.sourceRole === undefined) return role.mfa ? 'yes' : 'no';
  const chain = resolveChain(roles, role.name);
  const root = chain.ok ? roles.find((r) => r.name === chain.chain[0]) : undefined;
  return root?.mfa ? `yes, at ${root.name}` : 'no';
}

export async function roleRemove(ctx: CommandContext): Promise<void> {
  const { services, io } = ctx;
  const name = nameArg(ctx);
  const config = await services.configStore.load();
  const role = config.roles.find((r) => r.name === name);
  if (!role) throw new StsTrayError('not-found', `no role named "${name}"`);
  for (const notice of await removeRole(services, name)) io.err(`note: ${notice}\n`);
  io.out(`role ${name} removed, with its profile [${profileOf(role)}]\n`);
}

