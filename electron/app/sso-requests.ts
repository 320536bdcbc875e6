// The window's requests about IAM Identity Center sign-ins.

import { StsTrayError } from '../core/errors.js';
import {
  addDiscoveredRoles,
  addSsoIdentity,
  discoverSsoRoles,
  removeSsoIdentity,
  signOutSso,
} from '../core/sso/sso-admin.js';
import type { ControllerContext } from './controller-context.js';
import type { RequestHandlers } from './shell-ports.js';
import type { SsoSignIns } from './sso-sign-ins.js';

type SsoChannel = 'sso:add' | 'sso:sign-in' | 'sso:cancel-sign-in' | 'sso:discover' | 'sso:add-roles' | 'sso:sign-out' | 'sso:remove';

export function ssoRequests(ctx: ControllerContext, signIns: SsoSignIns): Pick<RequestHandlers, SsoChannel> {
  return {
    'sso:add': async ({ identity, replace }) => {
      await addSsoIdentity(ctx.services, identity, { replace: replace ?? false });
      ctx.record('identity-added', identity.name, identity.startUrl);
      const view = await ctx.changedNow();
      const added = view.ssoIdentities?.find((i) => i.name === identity.name);
      if (!added) throw new StsTrayError('file-io', `IAM Identity Center sign-in "${identity.name}" was not saved`);
      return added;
    },
    'sso:sign-in': ({ name }) => signIns.start(name),
    'sso:cancel-sign-in': async () => {
      signIns.cancel();
      ctx.changed();
      return {};
    },
    'sso:discover': async ({ name }) => (await discoverSsoRoles(ctx.services, name)).map((d) => ({ ...d })),
    'sso:add-roles': async ({ name, roles }) => {
      const added = await addDiscoveredRoles(ctx.services, name, roles);
      for (const role of added) ctx.record('role-saved', role.name, role.roleArn);
      return Promise.all(added.map((r) => ctx.roleView(r.name)));
    },
    'sso:sign-out': async ({ name }) => {
      await signOutSso(ctx.services, name);
      ctx.record('sso-signed-out', name, null);
      ctx.changed();
      return {};
    },
    'sso:remove': async ({ name }) => {
      await removeSsoIdentity(ctx.services, name);
      ctx.record('identity-removed', name, null);
      ctx.changed();
      return {};
    },
  };
}
