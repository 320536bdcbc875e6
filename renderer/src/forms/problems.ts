// What is wrong with a form field, and where an error from main belongs.
// A problem is either one of our translated messages or a sentence from the contract's
// checks (the very sentence the core would give), shown behind a translated lead-in.

import type { AppError } from '../../../electron/contract/result.js';
import { errorText } from '../format/error-text.js';
import type { MessageKey } from '../i18n/en.js';
import type { MessageParams, Translate } from '../i18n/translate.js';

export type Problem =
  | { readonly key: MessageKey; readonly params?: MessageParams }
  /** A contract check's sentence about a value typed here. */
  | { readonly sentence: string }
  /** Main refused the request because of this field. */
  | { readonly error: AppError };

export type Problems<F extends string> = Partial<Record<F, Problem>>;

export function problemText(t: Translate, problem: Problem): string {
  if ('error' in problem) return errorText(t, problem.error);
  // As the contract words it: the same sentence the core (and the CLI) gives for that value.
  if ('sentence' in problem) return t('form.invalid', { message: problem.sentence });
  return t(problem.key, problem.params);
}

/** A `check*` result (sentence or null) as a problem. */
export function checkProblem(sentence: string | null): Problem | undefined {
  return sentence === null ? undefined : { sentence };
}

/** An optional text field: fine when blank, otherwise the contract's check of its trimmed value. */
export function optionalProblem(text: string, check: (value: string) => string | null): Problem | undefined {
  const value = text.trim();
  return value === '' ? undefined : checkProblem(check(value));
}

export function hasProblems<F extends string>(problems: Problems<F>): boolean {
  return Object.values(problems).some((p) => p !== undefined);
}

/**
 * The form field an error from main is about. Main names request fields, maybe with their
 * path ("role.roleArn", "identity.accessKeyId", "accounts.tes"); forms know plain names.
 */
export function formFieldOf<F extends string>(field: string | undefined, known: readonly F[]): F | null {
  if (field === undefined) return null;
  const parts = field.split('.').filter((p) => p !== '');
  for (let start = 0; start < parts.length; start++) {
    const candidate = parts.slice(start).join('.');
    const hit = known.find((k) => k === candidate);
    if (hit !== undefined) return hit;
  }
  return null;
}

/** What a schema reports about a value (zod's issue, reduced to what a form needs). */
export interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/**
 * A schema's first issue as the problem of the field it names, or of `fallback` when it names
 * none of this form's fields: the schema, parsed whole after the field checks passed, has the
 * last word, and its sentence must still show somewhere.
 */
export function issueProblems<F extends string>(issues: readonly SchemaIssue[], fields: readonly F[], fallback: F): Problems<F> {
  const issue = issues[0];
  const field = formFieldOf(issue?.path.map(String).join('.'), fields) ?? fallback;
  const problems: Problems<F> = {};
  problems[field] = { sentence: issue?.message ?? '' };
  return problems;
}

/** A whole number from a text field; NaN when it is not one, so the duration checks reject it. */
export function wholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^[0-9]{1,12}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}
