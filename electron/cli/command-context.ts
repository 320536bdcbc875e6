// What a command gets (its arguments, options, terminal and the services) and the helpers
// that read its options, shared by every command file.

import type { AppServices } from '../core/app-services.js';
import { StsTrayError } from '../core/errors.js';
import type { CliIo } from './cli-io.js';
import type { LiveSessions } from './live-sessions.js';

export interface CommandContext {
  readonly args: readonly string[];
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  readonly io: CliIo;
  readonly services: AppServices;
  /** The running app's live sessions (credential socket). */
  readonly live: LiveSessions;
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

/**
 * Runs `action` with the --mfa-code given; when a code is needed and none was given,
 * asks on the terminal (once), or lets `needs-mfa` through (exit 3) when nobody can answer.
 */
export async function withMfaCode<T>(ctx: CommandContext, action: (code: string | undefined) => Promise<T>): Promise<T> {
  const given = stringOption(ctx, 'mfa-code');
  try {
    return await action(given);
  } catch (error) {
    if (!(error instanceof StsTrayError) || error.code !== 'needs-mfa' || given !== undefined || !ctx.io.interactive) {
      throw error;
    }
    ctx.io.err(`${error.message}\n`);
    return action(await ctx.io.ask('MFA code: '));
  }
}
