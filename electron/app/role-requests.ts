// The window's requests about roles: save one, add the quick tes/stg/prd set, remove one.

import { environmentRoles } from '../core/environment-roles.js';
import { removeRole, saveRoles, saveServedRole } from '../core/role-admin.js';
import { refuseRemovingSource } from '../core/role-chain.js';
import type { ControllerContext } from './controller-context.js';
import type { RequestHandlers } from './shell-ports.js';

export function roleRequests(ctx: ControllerContext): Pick<RequestHandlers, 'role:save' | 'role:add-environments' | 'role:remove'> {
  const { services } = ctx;
  return {
    'role:save': async ({ role, previousName }) => {
      // The same path as `sts-tray role add [--credential-process]`, with the shell's launcher.
      await saveServedRole(services, role, { previousName }, () => ctx.shell.credentialProcessLauncher);
      if (previousName !== undefined && previousName !== role.name) ctx.forgetRole(previousName);
      ctx.record('role-saved', role.name, role.roleArn);
      return ctx.roleView(role.name);
    },
    'role:add-environments': async (request) => {
      const roles = environmentRoles(request, await services.configStore.load());
      await saveRoles(services, roles);
      for (const role of roles) ctx.record('role-saved', role.name, role.roleArn);
      const view = await ctx.changedNow();
      return view.roles.filter((r) => roles.some((added) => added.name === r.role.name));
    },
    'role:remove': async ({ name }) => {
      // Before renewal stops: a role others chain from stays, and keeps being renewed.
      refuseRemovingSource(await services.configStore.load(), name);
      services.engine.deactivate(name);
      await removeRole(services, name);
      ctx.forgetRole(name);
      ctx.record('role-removed', name, null);
      ctx.changed();
      return {};
    },
  };
}
