// `sts-tray assume|export|status|whoami|logout`: sessions and the profiles they write.

import { StsTrayError, describeError } from '../core/errors.js';
import { confirmPrd, prdMark } from './prd-confirm.js';
import { EXPORT_FORMATS, isExportFormat, sessionExport } from '../core/export-format.js';
import { identityStatuses, roleStatuses } from '../core/status-view.js';
import { flag, nameArg, stringOption, withMfaCode, type CommandContext } from './command-context.js';
import { formatTable, timeLeft } from './format.js';
import { signOutAll, signOutRole } from '../core/sign-out.js';
import type { TemporaryCredentials } from '../core/model.js';
import { servedError } from './credential-process-command.js';
import { servedCredentials } from './live-sessions.js';

export async function assume(ctx: CommandContext): Promise<void> {
  const name = nameArg(ctx);
  const role = await confirmPrd(ctx, name, 'switch to');
  const activation = await withMfaCode(ctx, (mfaCode) => ctx.services.engine.activate(name, mfaCode));
  for (const notice of activation.notices) ctx.io.err(`note: ${notice}\n`);
  const where = activation.profiles.map((p) => `[${p}]`).join(' and ');
  ctx.io.out(
    `${prdMark(role.env)}${name}: ${activation.assumedRoleArn ?? 'role assumed'} written to ${where} in ${ctx.services.awsFiles.credentials}, ${timeLeft(activation.expiresAt, Date.now())}\n`,
  );
}

/**
 * A role's session for export and whoami: the running app's live one when it has it
 * (no AssumeRole), else assumed here; --fresh always assumes again.
 */
export async function reusedSession(ctx: CommandContext, name: string): Promise<{ credentials: TemporaryCredentials; region: string }> {
  const fresh = flag(ctx, 'fresh');
  if (!fresh) {
    const live = await ctx.live(name);
    if (live.ok === true) return servedCredentials(live.session);
    // The app needs a code too: a code given here (or asked for) starts the session below.
    if (live.ok === false && live.code !== 'needs-mfa') throw servedError(name, live.code, live.message);
    if (live.ok === 'unavailable' && live.suspicious) ctx.io.err(`note: not asking the running app: ${live.why}\n`);
  }
  return withMfaCode(ctx, (mfaCode) => ctx.services.sessions.roleSession(name, { mfaCode, fresh }));
}

export async function exportLines(ctx: CommandContext): Promise<void> {
  const name = nameArg(ctx);
  const format = stringOption(ctx, 'format') ?? 'bash';
  if (!isExportFormat(format)) {
    throw new StsTrayError('usage', `--format is one of ${EXPORT_FORMATS.join(', ')}`);
  }
  await confirmPrd(ctx, name, 'export the credentials of');
  ctx.io.out(sessionExport(format, await reusedSession(ctx, name)));
}

export async function whoami(ctx: CommandContext): Promise<void> {
  const name = nameArg(ctx);
  const session = await reusedSession(ctx, name);
  const caller = await ctx.services.sts.getCallerIdentity({ credentials: session.credentials, region: session.region });
  ctx.io.out(flag(ctx, 'json') ? `${JSON.stringify(caller)}\n` : `account ${caller.account}\narn     ${caller.arn}\n`);
}

export async function status(ctx: CommandContext): Promise<void> {
  const { services, io } = ctx;
  const config = await services.configStore.load();
  const owned = await services.profiles.listOwned();
  const now = Date.now();
  const roles = roleStatuses(config, owned, now).map((row) => ({
    name: row.role.name,
    env: row.role.env,
    profile: row.profileName,
    identity: row.role.identity,
    expiresAt: row.expiresAt,
    state: row.status,
  }));
  // Roles and profiles come from files: without a keychain only the sessions kept there are unknown.
  const keychainProblems: string[] = [];
  const orUnknown = (lookup: Promise<number | null> | undefined) =>
    (lookup ?? Promise.resolve(null)).catch((error: unknown) => {
      if (!(error instanceof StsTrayError) || error.code !== 'keychain-unavailable') throw error;
      keychainProblems.push(describeError(error));
      return null;
    });
  const statuses = await identityStatuses(config, (name) => orUnknown(services.sessions.mfaSessionExpiresAt(name)), now);
  const signIns = await Promise.all(
    config.ssoIdentities.map(async (i) => ({ name: i.name, signInEndsAt: await orUnknown(services.sso?.sessions.signInEndsAt(i)) })),
  );
  const keychainProblem = keychainProblems[0];
  const unknown = keychainProblem === undefined ? undefined : 'unknown (keychain unreachable)';
  const identities = statuses.map((i) => ({
    name: i.name,
    mfaSessionExpiresAt: i.mfaSessionExpiresAt,
    mfaSession: i.mfaSerial === null ? undefined : unknown,
  }));
  if (flag(ctx, 'json')) {
    io.out(`${JSON.stringify({ credentialsFile: services.awsFiles.credentials, roles, identities, ssoIdentities: signIns, keychain: keychainProblem }, null, 2)}\n`);
    return;
  }
  io.out(`credentials file: ${services.awsFiles.credentials}\n\n`);
  io.out(
    roles.length === 0
      ? 'no roles yet\n'
      : formatTable(
          ['ROLE', 'ENV', 'PROFILE', 'STATE', 'EXPIRES'],
          roles.map((r) => [r.name, r.env === 'prd' ? 'PRD' : r.env, r.profile, r.state, timeLeft(r.expiresAt, now)]),
        ),
  );
  if (identities.length > 0) {
    io.out(`\n${formatTable(['IDENTITY', 'MFA SESSION'], identities.map((i) => [i.name, i.mfaSession ?? timeLeft(i.mfaSessionExpiresAt, now)]))}`);
  }
  if (signIns.length > 0) {
    io.out(`\n${formatTable(['SSO SIGN-IN', 'SIGNED IN'], signIns.map((i) => [i.name, timeLeft(i.signInEndsAt, now)]))}`);
  }
  if (keychainProblem !== undefined) io.err(`note: the OS keychain could not be reached, so MFA sessions are unknown: ${keychainProblem}\n`);
}

export async function logout(ctx: CommandContext): Promise<void> {
  const { services, io } = ctx;
  const all = flag(ctx, 'all');
  if (all === (ctx.args.length === 1) || ctx.args.length > 1) {
    throw new StsTrayError('usage', 'logout takes one role NAME, or --all');
  }
  if (all) {
    const report = await signOutAll(services);
    for (const notice of report.notices) io.err(`note: ${notice}\n`);
    io.out('signed out: every profile sts-tray wrote is removed, and MFA sessions and IAM Identity Center sign-ins are ended\n');
    return;
  }
  const name = nameArg(ctx);
  const { removed: profiles, notices } = await signOutRole(services, name);
  for (const notice of notices) io.err(`note: ${notice}\n`);
  io.out(profiles.length ? `removed ${profiles.map((p) => `[${p}]`).join(' and ')}\n` : `role ${name} had no profile written\n`);
}
