// The user's choices on an import plan, as 'import:apply' takes them: only the environments
// changed from the guess, for roles the import would create (a role already in sts-tray keeps
// its own).

import type { Environment } from '../../../electron/contract/config-schema.js';
import type { ImportPlanView } from '../../../electron/contract/import-views.js';

export type EnvironmentChoices = Readonly<Record<string, Environment>>;

export function changedEnvironments(plan: ImportPlanView, chosen: EnvironmentChoices): { role: string; env: Environment }[] {
  return plan.roles.flatMap((r) => {
    const env = chosen[r.name];
    return !r.exists && env !== undefined && env !== r.env ? [{ role: r.name, env }] : [];
  });
}

/** Whether the plan would create anything at all. */
export function hasNewEntries(plan: ImportPlanView): boolean {
  return plan.identities.some((i) => !i.exists) || plan.roles.some((r) => !r.exists);
}
