// What a command gets (its arguments, options, terminal and the services) and the helpers
// that read its options, shared by every command file.

import type { AppServices } from '../core/app-services.js';
import { StsTrayError, describeError } from '../core/errors.js';
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

const MFA_TRIES = 3;

/** A refused code (wrong, reused, mistyped): worth asking again, unlike other failures. */
function codeRefused(error: unknown): boolean {
  return error instanceof StsTrayError && (error.code === 'invalid-mfa' || (error.code === 'validation' && error.message.startsWith('MFA code')));
}

const left = (tries: number) => ` (${MFA_TRIES - tries} ${MFA_TRIES - tries === 1 ? 'try' : 'tries'} left)`;

/**
 * Runs `action` with the --mfa-code given. When a code is needed and none was given, asks on
 * the terminal; a refused code is asked for again, up to three times, as the window does.
 * Without a terminal, `needs-mfa` goes through (exit 3) naming --mfa-code.
 */
export async function withMfaCode<T>(ctx: CommandContext, action: (code: string | undefined) => Promise<T>): Promise<T> {
  const given = stringOption(ctx, 'mfa-code');
  let tries = given === undefined ? 0 : 1;
  try {
    return await action(given);
  } catch (error) {
    const needed = error instanceof StsTrayError && error.code === 'needs-mfa' && given === undefined;
    if (!needed && !(given !== undefined && codeRefused(error))) throw error;
    if (!ctx.io.interactive) {
      if (!needed) throw error;
      throw new StsTrayError('needs-mfa', `${describeError(error)}; give it with --mfa-code CODE (no terminal here to ask on)`);
    }
    ctx.io.err(`${describeError(error)}${needed ? '' : left(tries)}\n`);
  }
  for (;;) {
    tries += 1;
    try {
      return await action(await ctx.io.ask('MFA code: '));
    } catch (error) {
      if (tries >= MFA_TRIES || !codeRefused(error)) throw error;
      ctx.io.err(`${describeError(error)}${left(tries)}\n`);
    }
  }
}
