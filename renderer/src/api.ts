// The renderer's only way out: `window.stsTray` (preload in Electron, a bridge in the e2e
// harness). No fetch, no other globals. Requests resolve to a Result and never throw here.

import type { StsTrayApi } from '../../electron/contract/api.js';
import type { RequestChannel, RequestOf, ResponseOf } from '../../electron/contract/channels.js';
import type { AppError, Result } from '../../electron/contract/result.js';
import type { AppView } from '../../electron/contract/views.js';

/**
 * What a request that never got an answer turns into. The message is empty on purpose:
 * the UI shows its own translated sentence for it (see format/error-text.ts), since there
 * is no sentence from main to show.
 */
const UNANSWERED: AppError = { code: 'internal', message: '' };

export function stsTray(): StsTrayApi | null {
  const api: unknown = (window as { stsTray?: unknown }).stsTray;
  return typeof api === 'object' && api !== null ? (api as StsTrayApi) : null;
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export async function request<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>> {
  const api = stsTray();
  if (!api) return { ok: false, error: UNANSWERED };
  try {
    // Main promises never to reject; a broken bridge or a crashed main still might.
    const result: unknown = await api.invoke(channel, payload);
    return isResult(result) ? (result as Result<ResponseOf<C>>) : { ok: false, error: UNANSWERED };
  } catch {
    return { ok: false, error: UNANSWERED };
  }
}

/** Every new view main publishes; returns the unsubscribe function. */
export function onState(listener: (view: AppView) => void): () => void {
  const api = stsTray();
  if (!api) return () => undefined;
  return api.on('state', listener);
}
