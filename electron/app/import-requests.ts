// The window's import: the plan, shown without any key (main reads the files itself, and each
// time: the window only ever sends choices), and the apply step `sts-tray import --apply` runs.

import type { ImportPlanView } from '../contract/import-views.js';
import { StsTrayError } from '../core/errors.js';
import { applyImport } from '../core/import/apply-import.js';
import { placeOf } from '../core/import/aws-profile-map.js';
import { type ImportPlan, planImport } from '../core/import/import-plan.js';
import { maskKeyId } from '../core/identity-keys.js';
import type { Environment } from '../core/model.js';
import type { ControllerContext } from './controller-context.js';
import type { RequestHandlers } from './shell-ports.js';

async function readPlan(ctx: ControllerContext): Promise<ImportPlan> {
  const { config, credentials } = await ctx.services.profiles.readBoth();
  return planImport({ config, credentials, existing: await ctx.services.configStore.load() });
}

function planView(ctx: ControllerContext, plan: ImportPlan): ImportPlanView {
  const { awsFiles } = ctx.services;
  const regionOf = (identity: string) => plan.identities.find((p) => p.identity.name === identity)?.identity.region ?? '';
  return {
    paths: { credentials: awsFiles.credentials, config: awsFiles.config },
    identities: plan.identities.map(({ identity, keySection, exists }) => ({
      name: identity.name,
      accessKeyIdMasked: maskKeyId(identity.accessKeyId),
      mfaSerial: identity.mfaSerial ?? null,
      region: identity.region,
      from: placeOf(keySection),
      exists,
    })),
    roles: plan.roles.map(({ role, configSection, exists }) => ({
      name: role.name,
      env: role.env,
      identity: role.identity,
      roleArn: role.roleArn,
      externalId: role.externalId ?? null,
      durationSeconds: role.durationSeconds,
      sessionName: role.sessionName ?? null,
      region: role.region ?? regionOf(role.identity),
      mfa: role.mfa,
      from: placeOf(configSection),
      exists,
    })),
    // Names and reasons come from the user's files: cut to the contract's bounds, not refused.
    notImported: plan.notImported.map((n) => ({ profile: clip(n.profile, 300), where: clip(n.where, 300), why: clip(n.why, 2000) })),
  };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The plan with the environments the user chose instead of the guesses. */
function withEnvironments(plan: ImportPlan, environments: readonly { role: string; env: Environment }[]): ImportPlan {
  const chosen = new Map(environments.map((e) => [e.role, e.env]));
  for (const name of chosen.keys()) {
    if (!plan.roles.some((p) => p.role.name === name)) {
      throw new StsTrayError('conflict', `role "${name}" is no longer in the import plan (the files changed); look at the plan again`);
    }
  }
  return { ...plan, roles: plan.roles.map((p) => ({ ...p, role: { ...p.role, env: chosen.get(p.role.name) ?? p.role.env } })) };
}

export function importRequests(ctx: ControllerContext): Pick<RequestHandlers, 'import:plan' | 'import:apply'> {
  return {
    'import:plan': async () => planView(ctx, await readPlan(ctx)),
    'import:apply': async ({ environments, credentialProcess, removePlaintext }) => {
      const plan = withEnvironments(await readPlan(ctx), environments);
      const outcomes = await applyImport(ctx.services, plan, {
        credentialProcess,
        removePlaintext,
        launcher: ctx.shell.credentialProcessLauncher,
      });
      for (const o of outcomes) {
        if (o.status === 'created' || o.status === 'switched') ctx.record(o.kind === 'identity' ? 'identity-added' : 'role-saved', o.name, o.detail);
      }
      await ctx.changedNow();
      return { outcomes: outcomes.map((o) => ({ ...o, detail: clip(o.detail, 2000) })) };
    },
  };
}
