// The window's requests about sessions: switch, renew, sign out, copy export lines.

import { asksBeforeSwitch } from '../contract/switch-rules.js';
import { StsTrayError, describeError, isStsTrayError } from '../core/errors.js';
import { findRole } from '../core/sessions.js';
import type { ControllerContext } from './controller-context.js';
import { RequestError } from './request-error.js';
import type { RequestHandlers } from './shell-ports.js';

type SessionChannels = 'session:activate' | 'session:renew' | 'session:sign-out' | 'exports:copy';

export function sessionRequests(ctx: ControllerContext): Pick<RequestHandlers, SessionChannels> {
  const { services } = ctx;
  return {
    'session:activate': async ({ role: roleName, mfaCode, confirmed }) => {
      const config = await services.configStore.load();
      const role = findRole(config, roleName);
      if (asksBeforeSwitch(role, config.preferences) && confirmed !== true) {
        throw new RequestError('needs-confirmation', `"${role.name}" is a prd role: confirm the switch to production`);
      }
      try {
        return await ctx.activate(role, mfaCode);
      } catch (error) {
        if (!isStsTrayError(error) || error.code !== 'needs-mfa') {
          ctx.record('switch-failed', role.name, describeError(error));
          ctx.changed();
        }
        throw error;
      }
    },
    'session:renew': async ({ role }) => {
      const { engine } = services;
      if (role !== undefined && !engine.state().roles.some((r) => r.role === role)) {
        throw new StsTrayError('usage', `role "${role}" is not running; switch to it first`);
      }
      engine.renewNow(role === undefined ? undefined : [role]);
      await engine.idle();
      ctx.changed();
      return {};
    },
    'session:sign-out': ({ role }) => ctx.signOut(role),
    'exports:copy': ({ role, format }) => ctx.copy(format, role),
  };
}
