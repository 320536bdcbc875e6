// The one door from the renderer into main: checks the channel, the payload's size and
// shape (the contract's schemas), runs the handler, checks the response against its
// schema (strict, so a field the contract does not name, such as a key, cannot leave),
// and turns every outcome into a Result. It never throws: a malformed message gets an
// error back, and main carries on.

import type * as z from 'zod/mini';
import { REQUESTS, isRequestChannel } from '../contract/channels.js';
import { fail, ok, type Result } from '../contract/result.js';
import { describeError, isStsTrayError } from '../core/errors.js';
import { RequestError } from './request-error.js';
import type { RequestHandlers } from './shell-ports.js';

/** The largest payload accepted, as JSON. The biggest real one (a role) is under 5 KB. */
export const MAX_PAYLOAD_CHARS = 64 * 1024;

type Handler = (request: unknown) => Promise<unknown>;

export async function dispatchRequest(handlers: RequestHandlers, channel: unknown, payload: unknown): Promise<Result<unknown>> {
  if (!isRequestChannel(channel)) return fail('bad-request', `unknown request channel: ${printable(channel)}`);
  const size = jsonSize(payload);
  if (size === null) return fail('bad-request', `the payload of ${channel} is not plain data`);
  if (size > MAX_PAYLOAD_CHARS) return fail('bad-request', `the payload of ${channel} is too large (${size} characters)`);

  const { request, response } = REQUESTS[channel];
  const parsed = (request as z.ZodMiniType).safeParse(payload);
  if (!parsed.success) return invalid(channel, parsed.error.issues);

  let value: unknown;
  try {
    value = await (handlers[channel] as Handler)(parsed.data);
  } catch (error) {
    return fromError(error);
  }
  const checked = (response as z.ZodMiniType).safeParse(value);
  if (!checked.success) {
    // A bug on our side; the details may name fields of what was about to leave.
    return fail('internal', `sts-tray could not answer ${channel}; this is a bug, please report it`);
  }
  return ok(checked.data);
}

/**
 * A failed field check from the config schemas carries the core's sentence ('custom'
 * issue): the renderer shows it at the field. Anything else is a malformed request.
 */
function invalid(channel: string, issues: readonly z.core.$ZodIssue[]): Result<never> {
  const issue = issues.find((i) => i.code === 'custom') ?? issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  if (issue?.code === 'custom') return fail('validation', issue.message, field || undefined);
  const where = field ? ` at "${field}"` : '';
  return fail('bad-request', `malformed ${channel} request${where}: ${issue?.message ?? 'invalid'}`, field || undefined);
}

function fromError(error: unknown): Result<never> {
  if (error instanceof RequestError) return fail(error.code, error.message, error.field);
  if (isStsTrayError(error)) return fail(error.code, error.message);
  return fail('internal', describeError(error));
}

function jsonSize(payload: unknown): number | null {
  try {
    return JSON.stringify(payload ?? null).length;
  } catch {
    return null;
  }
}

function printable(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value.slice(0, 64)) : typeof value;
}
