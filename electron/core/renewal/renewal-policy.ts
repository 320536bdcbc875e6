// When to renew and how to retry: pure arithmetic, so the engine's timing is testable.

import type { ErrorCode } from '../errors.js';

/**
 * Renew at expiry − max(lead, 10 % of the lifetime), minus a little jitter; never before
 * half the lifetime, so credentials shorter than the lead cannot renew in a loop.
 */
export function renewalTime(obtainedAt: number, expiresAt: number, leadMs: number, random: () => number): number {
  const lifetime = Math.max(0, expiresAt - obtainedAt);
  const margin = Math.min(Math.max(leadMs, lifetime / 10), lifetime / 2);
  // Jitter spreads roles that expire together over up to 1 % of the lifetime (≤ 30 s),
  // so a hundred renewals do not hit STS in the same instant.
  const jitter = random() * Math.min(30_000, lifetime / 100);
  return Math.max(obtainedAt, expiresAt - margin - jitter);
}

/** Failures worth retrying: the same call may well succeed a little later. */
const TRANSIENT: ReadonlySet<ErrorCode> = new Set(['throttled', 'network', 'clock-skew']);

export function isTransient(code: ErrorCode): boolean {
  return TRANSIENT.has(code);
}

export const BACKOFF = { firstMs: 2_000, maxMs: 60_000 } as const;

/** Capped exponential backoff with full jitter on its upper half. */
export function backoffDelay(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}
