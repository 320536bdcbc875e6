// The console form as data: minutes as typed, seconds for main, and the same 15 min to 12 h
// rule the core applies (sts-limits.ts), so the window refuses what main would refuse.

import { checkConsoleDuration } from '../../../electron/contract/sts-limits.js';

export interface ConsoleDraft {
  /** "role:NAME" or "identity:NAME". */
  readonly target: string;
  readonly destination: string;
  readonly minutes: string;
}

export type ConsoleCheck =
  | { readonly ok: true; readonly request: { name: string; identity: boolean; destination?: string; durationSeconds: number } }
  | { readonly ok: false; readonly field: 'target' | 'minutes'; readonly message: string };

export function checkConsoleDraft(draft: ConsoleDraft): ConsoleCheck {
  const [kind, name] = [draft.target.slice(0, draft.target.indexOf(':')), draft.target.slice(draft.target.indexOf(':') + 1)];
  if ((kind !== 'role' && kind !== 'identity') || name === '') return { ok: false, field: 'target', message: 'choose a role or an identity' };
  const text = draft.minutes.trim();
  const seconds = /^[0-9]{1,4}$/.test(text) ? Number(text) * 60 : Number.NaN;
  const problem = checkConsoleDuration(seconds);
  if (problem) return { ok: false, field: 'minutes', message: problem };
  const destination = draft.destination.trim();
  return { ok: true, request: { name, identity: kind === 'identity', ...(destination ? { destination } : {}), durationSeconds: seconds } };
}
