// Turns schema issues into one sentence a person can act on.

import type * as z from 'zod/mini';
import { StsTrayError } from './errors.js';

export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Parses `value` or throws a `validation` error naming each bad field. */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new StsTrayError('validation', `${what}: ${describeIssues(result.error.issues)}`);
  return result.data;
}
