// `sts-tray decode ROLE [MESSAGE|-]`: an encoded authorization message, from the argument or
// stdin, decoded with the role's session: a short reading, then the whole JSON.

import { decodeAuthorization, type DecodedAuthorization } from '../core/authorization-message.js';
import { StsTrayError } from '../core/errors.js';
import { flag, withMfaCode, type CommandContext } from './command-context.js';

export async function decodeCommand(ctx: CommandContext): Promise<void> {
  const [role, given, ...rest] = ctx.args;
  if (role === undefined || rest.length > 0) throw new StsTrayError('usage', 'decode takes a ROLE and the MESSAGE (or - to read it from stdin)');
  const text = given === undefined || given === '-' ? await ctx.io.readSecret('Encoded message: ') : given;
  const decoded = await withMfaCode(ctx, (mfaCode) => decodeAuthorization(ctx.services, role, text, mfaCode));
  ctx.io.out(flag(ctx, 'json') ? `${decoded.json}\n` : `${reading(decoded)}\n${decoded.json}\n`);
}

function reading(d: DecodedAuthorization): string {
  const verdict = d.allowed ? 'allowed' : d.explicitDeny ? 'denied by an explicit deny' : 'denied: no statement allows it';
  const lines = [`${verdict}`, `action     ${d.action || '-'}`, `resource   ${d.resource || '-'}`, `principal  ${d.principal || '-'}`];
  if (d.statements.length > 0) {
    lines.push('matched statements:');
    for (const s of d.statements) lines.push(`  ${s.id || '(no id)'}  ${s.effect}  ${s.actions.join(', ')} on ${s.resources.join(', ')}`);
  }
  if (d.conditions.length > 0) {
    lines.push('conditions:');
    for (const c of d.conditions) lines.push(`  ${c.key} = ${c.values.join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
