// The window's requests about identities (IAM users and their keys).

import { StsTrayError } from '../core/errors.js';
import { addIdentity, removeIdentity } from '../core/identity-admin.js';
import type { ControllerContext } from './controller-context.js';
import type { RequestHandlers } from './shell-ports.js';

export function identityRequests(ctx: ControllerContext): Pick<RequestHandlers, 'identity:add' | 'identity:remove'> {
  return {
    'identity:add': async ({ identity, secretAccessKey, replace }) => {
      const caller = await addIdentity(ctx.services, identity, secretAccessKey, { replace: replace ?? false });
      ctx.record('identity-added', identity.name, caller ? `${caller.account} ${caller.arn}` : null);
      const view = await ctx.changedNow();
      const added = view.identities.find((i) => i.name === identity.name);
      if (!added) throw new StsTrayError('file-io', `identity "${identity.name}" was not saved`);
      return { identity: added, account: caller?.account ?? null, arn: caller?.arn ?? null };
    },
    'identity:remove': async ({ name }) => {
      await removeIdentity(ctx.services, name);
      ctx.record('identity-removed', name, null);
      ctx.changed();
      return {};
    },
  };
}
