// The window's requests about MFA sessions: a code typed into the prompt, or the prompt closed.

import { findRole } from '../core/sessions.js';
import type { ControllerContext } from './controller-context.js';
import type { RequestHandlers } from './shell-ports.js';

export function mfaRequests(ctx: ControllerContext): Pick<RequestHandlers, 'mfa:submit' | 'mfa:dismiss'> {
  return {
    'mfa:submit': async ({ identity, code }) => {
      await ctx.services.engine.provideMfaCode(identity, code);
      const prompt = ctx.mfaPrompt;
      const pending = prompt?.identity === identity ? prompt.role : null;
      if (prompt?.identity === identity) ctx.mfaPrompt = null;
      ctx.record('mfa-started', identity, null);
      // The switch that asked for the code completes with the new session.
      if (pending !== null) await ctx.activate(findRole(await ctx.services.configStore.load(), pending));
      // A rotation or a console the tray started waits for this code too.
      await ctx.takeAfterMfa(identity)?.();
      ctx.changed();
      return { expiresAt: (await ctx.mfaExpiry(identity)) ?? ctx.now() };
    },
    'mfa:dismiss': async () => {
      // Closing the prompt gives up what waited for its code: a rotation or a console the tray
      // started must not run when a code comes hours later for a renewal.
      if (ctx.mfaPrompt) ctx.takeAfterMfa(ctx.mfaPrompt.identity);
      ctx.mfaPrompt = null;
      ctx.changed();
      return {};
    },
  };
}
