// Turns schema issues into one sentence a person can act on.

import type * as z from 'zod/mini';
import { StsTrayError } from './errors.js';

/** What a shell calls a field (the CLI its flag, `--role-arn` for roleArn); unnamed ones keep theirs. */
export type FieldLabels = Readonly<Record<string, string>>;

export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[], labels: FieldLabels = {}): string {
  return issues
    .slice(0, 3)
    .map((issue) => {
      if (issue.path.length === 0) return issue.message;
      const path = issue.path.map(String).join('.');
      return `${labels[path] ?? path}: ${issue.message}`;
    })
    .join('; ');
}

/** Parses `value` or throws a `validation` error naming each bad field (by its label, if given). */
export function parseOrThrow<S extends z.ZodMiniType>(schema: S, value: unknown, what: string, labels?: FieldLabels): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new StsTrayError('validation', `${what}: ${describeIssues(result.error.issues, labels)}`);
  return result.data;
}
