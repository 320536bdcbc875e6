// Switching to a role from the window: confirm a prd switch first (preference confirmPrd),
// ask for an MFA code when the core says 'needs-mfa', and re-send the same request with
// what was missing. A code goes out once; if the core still wants a confirmation after a
// code was sent, the retry goes without the code (the MFA session may already run) and
// asks for a fresh one only if the core says so.

import { useCallback, useState } from 'react';
import type { AppError } from '../../../electron/contract/result.js';
import { asksBeforeSwitch } from '../../../electron/contract/switch-rules.js';
import type { ActivationView, RoleView } from '../../../electron/contract/views.js';
import { request } from '../api.js';

/**
 * What the MFA prompt does next after a code was sent. A refused code is spent whatever the
 * reason (a code is never sent twice), so every refusal does the same: the prompt says why,
 * clears the field and waits for the device's next code, or a cancel.
 */
export type MfaOutcome =
  /** Accepted (or the flow moved on): close the prompt. */
  | { readonly kind: 'done' }
  | { readonly kind: 'refused'; readonly error: AppError };

export type ActivationStage =
  | { readonly kind: 'idle' }
  | { readonly kind: 'confirm'; readonly role: string }
  | { readonly kind: 'mfa'; readonly role: string; readonly confirmed: boolean };

export type ActivationResult =
  | { readonly role: string; readonly ok: true; readonly value: ActivationView }
  | { readonly role: string; readonly ok: false; readonly error: AppError };

export interface Activation {
  readonly stage: ActivationStage;
  /** The role whose request is on its way. */
  readonly busyRole: string | null;
  readonly result: ActivationResult | null;
  start(role: RoleView, confirmPrd: boolean): void;
  confirm(): void;
  /** Sends a code for a role switch (from our own prompt or from main's). */
  submitCode(role: string, code: string, confirmed: boolean): Promise<MfaOutcome>;
  cancel(): void;
}

const DONE: MfaOutcome = { kind: 'done' };

export function useActivation(): Activation {
  const [stage, setStage] = useState<ActivationStage>({ kind: 'idle' });
  const [busyRole, setBusyRole] = useState<string | null>(null);
  const [result, setResult] = useState<ActivationResult | null>(null);

  const send = useCallback(async (role: string, confirmed: boolean, code?: string): Promise<MfaOutcome> => {
    setBusyRole(role);
    const answer = await request('session:activate', {
      role,
      ...(code === undefined ? {} : { mfaCode: code }),
      ...(confirmed ? { confirmed: true } : {}),
    });
    setBusyRole(null);
    if (answer.ok) {
      setStage({ kind: 'idle' });
      setResult({ role, ok: true, value: answer.value });
      return DONE;
    }
    const { error } = answer;
    if (error.code === 'needs-confirmation') {
      setStage({ kind: 'confirm', role });
      return DONE;
    }
    // A code went out (or the core speaks of one): the prompt is open, the refusal is its to show.
    if (code !== undefined || error.code === 'invalid-mfa') return { kind: 'refused', error };
    if (error.code === 'needs-mfa') {
      setStage({ kind: 'mfa', role, confirmed });
      return DONE;
    }
    setStage({ kind: 'idle' });
    setResult({ role, ok: false, error });
    return DONE;
  }, []);

  const start = useCallback(
    (role: RoleView, confirmPrd: boolean) => {
      setResult(null);
      if (asksBeforeSwitch(role.role, { confirmPrd })) setStage({ kind: 'confirm', role: role.role.name });
      else void send(role.role.name, false);
    },
    [send],
  );

  const confirm = useCallback(() => {
    if (stage.kind === 'confirm') void send(stage.role, true);
  }, [send, stage]);

  const submitCode = useCallback(
    (role: string, code: string, confirmed: boolean) => send(role, confirmed, code),
    [send],
  );

  const cancel = useCallback(() => setStage({ kind: 'idle' }), []);

  return { stage, busyRole, result, start, confirm, submitCode, cancel };
}
