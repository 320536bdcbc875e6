// Form state shared by the editing views: the draft, which fields to judge yet (touched, or
// all after a submit), and the fields main refused (cleared as soon as they are edited).

import { useCallback, useState } from 'react';
import type { AppError } from '../../../electron/contract/result.js';
import { useI18n } from '../i18n/i18n-context.js';
import { formFieldOf, problemText, type Problems } from './problems.js';

export interface FormState<D, F extends string> {
  readonly draft: D;
  /**
   * What to show beside a field now, in the UI's language (null: nothing): main's word first,
   * then our own check once it is due.
   */
  messageOf(field: F): string | null;
  update(patch: Partial<D>, fields: readonly F[]): void;
  /** A field was left: judge it from now on — unless it is still blank (no nagging before a submit). */
  touch(field: F, value: string): void;
  /** Marks every field as due; returns the first field with a problem, if any. */
  submit(): F | null;
  /** Places main's error at its field and returns that field; null when it belongs to no field of this form. */
  refuse(error: AppError): F | null;
  reset(draft: D): void;
}

export function useForm<D, F extends string>(
  initial: () => D,
  fields: readonly F[],
  check: (draft: D) => { readonly problems: Problems<F> },
): FormState<D, F> {
  const { t } = useI18n();
  const [draft, setDraft] = useState<D>(initial);
  const [touched, setTouched] = useState<ReadonlySet<F>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [refused, setRefused] = useState<Problems<F>>({});
  const local = check(draft).problems;

  const messageOf = (field: F) => {
    const problem = refused[field] ?? (submitted || touched.has(field) ? local[field] : undefined);
    return problem ? problemText(t, problem) : null;
  };

  const update = useCallback((patch: Partial<D>, changed: readonly F[]) => {
    setDraft((d) => ({ ...d, ...patch }));
    setRefused((r) => {
      if (!changed.some((f) => r[f] !== undefined)) return r;
      const next = { ...r };
      for (const f of changed) delete next[f];
      return next;
    });
  }, []);

  const touch = useCallback((field: F, value: string) => {
    if (value.trim() === '') return;
    setTouched((s) => (s.has(field) ? s : new Set([...s, field])));
  }, []);

  const submit = () => {
    setSubmitted(true);
    return fields.find((f) => local[f] !== undefined) ?? null;
  };

  const refuse = (error: AppError) => {
    const field = formFieldOf(error.field, fields);
    if (field !== null) setRefused((r) => ({ ...r, [field]: { error } }));
    return field;
  };

  const reset = useCallback((next: D) => {
    setDraft(next);
    setTouched(new Set());
    setSubmitted(false);
    setRefused({});
  }, []);

  return { draft, messageOf, update, touch, submit, refuse, reset };
}

/** Moves focus to a field's control so a keyboard user lands on what needs fixing. */
export function focusControl(id: string): void {
  const element = document.getElementById(id);
  if (element instanceof HTMLElement) element.focus();
}
