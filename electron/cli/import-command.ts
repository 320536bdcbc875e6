// `sts-tray import`: moves an existing AWS setup into sts-tray. A dry run by default (it
// lists what it would create and what it leaves, with why); `--apply` creates it,
// `--credential-process` hands the imported role profiles over to sts-tray, and
// `--remove-plaintext` removes the key lines once each key is in the keychain and verified.

import { StsTrayError } from '../core/errors.js';
import { applyImport } from '../core/import/apply-import.js';
import { placeOf } from '../core/import/aws-profile-map.js';
import { type ImportPlan, planImport } from '../core/import/import-plan.js';
import { maskKeyId } from '../core/identity-keys.js';
import { cliLauncher } from './cli-launcher.js';
import { flag, type CommandContext } from './command-context.js';
import { formatTable } from './format.js';

async function readPlan(ctx: CommandContext): Promise<ImportPlan> {
  const { config, credentials } = await ctx.services.profiles.readBoth();
  return planImport({ config, credentials, existing: await ctx.services.configStore.load() });
}

function printPlan(ctx: CommandContext, plan: ImportPlan, dryRun: boolean): void {
  const { io, services } = ctx;
  io.out(`reading ${services.awsFiles.config} and ${services.awsFiles.credentials}\n\n`);
  const state = (exists: boolean) => (exists ? 'exists, kept' : dryRun ? 'would create' : 'create');
  if (plan.identities.length > 0) {
    io.out('Identities (long-lived keys; each is verified with STS, then stored in the keychain):\n');
    io.out(
      formatTable(
        ['NAME', 'ACCESS KEY', 'MFA DEVICE', 'REGION', 'FROM', ''],
        plan.identities.map((p) => [p.identity.name, maskKeyId(p.identity.accessKeyId), p.identity.mfaSerial ?? '-', p.identity.region, placeOf(p.keySection), state(p.exists)]),
      ),
    );
    io.out('\n');
  }
  if (plan.roles.length > 0) {
    io.out('Roles (role_arn + source_profile; the environment is a guess you can change with role add --replace):\n');
    io.out(
      formatTable(
        ['NAME', 'ENV', 'IDENTITY', 'ROLE ARN', 'EXTERNAL ID', 'MFA', ''],
        plan.roles.map((p) => [p.role.name, p.role.env, p.role.identity, p.role.roleArn, p.role.externalId === undefined ? '-' : 'yes', p.role.mfa ? 'yes' : 'no', state(p.exists)]),
      ),
    );
    io.out('\n');
  }
  if (plan.notImported.length > 0) {
    io.out('Not imported:\n');
    for (const n of plan.notImported) io.out(`  ${n.profile} (${n.where}): ${n.why}\n`);
    io.out('\n');
  }
  if (plan.identities.length === 0 && plan.roles.length === 0) io.out('nothing to import\n');
}

export async function importSetup(ctx: CommandContext): Promise<void> {
  const { io, services } = ctx;
  const apply = flag(ctx, 'apply');
  const credentialProcess = flag(ctx, 'credential-process');
  const removePlaintext = flag(ctx, 'remove-plaintext');
  if (!apply && (credentialProcess || removePlaintext)) {
    throw new StsTrayError('usage', '--credential-process and --remove-plaintext change your files: add --apply (run without flags first to see the plan)');
  }
  const plan = await readPlan(ctx);
  printPlan(ctx, plan, !apply);
  if (!apply) {
    const fresh = plan.identities.filter((p) => !p.exists).length + plan.roles.filter((p) => !p.exists).length;
    if (fresh > 0) {
      io.out('Dry run: nothing was written. To import, run: sts-tray import --apply\n');
      io.out('  add --credential-process to point the imported role profiles in your config at sts-tray (instead of source_profile),\n');
      io.out('  and --remove-plaintext to remove the key lines from your credentials file once each key is in the keychain.\n');
    }
    return;
  }
  const outcomes = await applyImport(services, plan, { credentialProcess, removePlaintext, launcher: cliLauncher() });
  for (const o of outcomes) io.out(`${o.kind} ${o.name}: ${o.status} — ${o.detail}\n`);
  if (outcomes.some((o) => o.status === 'refused')) {
    throw new StsTrayError('validation', 'some profiles were not imported (see above); fix them and run sts-tray import --apply again');
  }
}
