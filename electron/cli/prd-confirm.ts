// prd in a terminal, as in the tray: a switch to a prd role is confirmed first ([y/N]) unless
// the user turned the preference off or gave --yes. Without a terminal nobody can answer, so
// --yes is required: a script that reaches prd does so on purpose.

import { asksBeforeSwitch } from '../contract/switch-rules.js';
import { StsTrayError } from '../core/errors.js';
import type { Role } from '../core/model.js';
import { findRole } from '../core/sessions.js';
import { Cancelled } from './cli-io.js';
import { flag, type CommandContext } from './command-context.js';

/** The role, once the switch may go on; throws when the person (or the lack of one) says no. */
export async function confirmPrd(ctx: CommandContext, roleName: string, what: string): Promise<Role> {
  const config = await ctx.services.configStore.load();
  const role = findRole(config, roleName);
  if (!asksBeforeSwitch(role, config.preferences) || flag(ctx, 'yes')) return role;
  if (!ctx.io.interactive) {
    throw new StsTrayError('usage', `${role.name} is a prd role: add --yes to ${what} it without a terminal to confirm in (or turn off "confirm prd" in the preferences)`);
  }
  const answer = await ctx.io.ask(`${role.name} is PRD (${role.roleArn}). ${what[0]?.toUpperCase() ?? ''}${what.slice(1)} it? [y/N] `);
  if (!/^y(es)?$/i.test(answer)) throw new Cancelled();
  return role;
}

/** "PRD " before a prd role's name in output, as the tray's tooltip starts with it. */
export function prdMark(env: string): string {
  return env === 'prd' ? 'PRD ' : '';
}
