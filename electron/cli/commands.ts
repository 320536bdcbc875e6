// Dispatches a parsed command to its implementation.

import type { AppServices, AppServicesOptions } from '../core/app-services.js';
import { StsTrayError } from '../core/errors.js';
import type { CliIo } from './cli-io.js';
import { identityAdd, identityList, identityRemove } from './identity-commands.js';
import type { ParsedCommand } from './parse-command.js';
import { roleAdd, roleList, roleRemove } from './role-commands.js';
import { assume, exportLines, logout, status, whoami } from './session-commands.js';
import { watch } from './watch-command.js';

export type ServicesFactory = (options: AppServicesOptions) => Promise<AppServices>;

export interface CommandContext {
  readonly args: readonly string[];
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  readonly io: CliIo;
  readonly services: AppServices;
}

const HANDLERS: Record<string, (ctx: CommandContext) => Promise<void>> = {
  'identity add': identityAdd,
  'identity list': identityList,
  'identity remove': identityRemove,
  'role add': roleAdd,
  'role list': roleList,
  'role remove': roleRemove,
  assume,
  export: exportLines,
  status,
  whoami,
  logout,
  watch,
};

export async function runCommand(parsed: ParsedCommand, io: CliIo, factory: ServicesFactory): Promise<void> {
  const handler = HANDLERS[parsed.command];
  if (!handler) throw new StsTrayError('usage', `unknown command "${parsed.command}"`);
  const services = await factory({ endpointUrl: parsed.endpointUrl });
  try {
    await handler({ args: parsed.args, options: parsed.options, io, services });
  } finally {
    services.close();
  }
}

export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.options[name];
  return typeof value === 'string' ? value : undefined;
}

export function flag(ctx: CommandContext, name: string): boolean {
  return ctx.options[name] === true;
}

export function requiredOption(ctx: CommandContext, name: string): string {
  const value = stringOption(ctx, name);
  if (value === undefined) throw new StsTrayError('usage', `--${name} is required`);
  return value;
}

export function nameArg(ctx: CommandContext): string {
  const name = ctx.args[0];
  if (name === undefined) throw new StsTrayError('usage', 'a NAME is required');
  return name;
}

/** Whole seconds from a flag, or undefined when absent. */
export function secondsOption(ctx: CommandContext, name: string): number | undefined {
  const value = stringOption(ctx, name);
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(value)) throw new StsTrayError('usage', `--${name} takes a whole number of seconds`);
  return Number(value);
}
