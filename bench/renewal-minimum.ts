// The fewest STS calls that keep every role fresh over the benchmark's window, to compare
// the engine's calls against. Minimum = initial assumes (one per role)
//   + one AssumeRole per renewal deadline under the policy (renewalTime with no jitter:
//     the latest renewal the policy allows, so the fewest renewals)
//   + GetSessionToken calls: one per MFA session needed to cover the window, where a
//     session stops being usable MFA_SESSION_MIN_REMAINING_MS before its end.
// Jitter may only move renewals earlier, so a real run sits a little above this.

import { MFA_SESSION_MIN_REMAINING_MS } from '../electron/core/mfa-session-cache.js';
import { renewalTime } from '../electron/core/renewal/renewal-policy.js';

export interface MinimumInput {
  readonly identities: number;
  readonly roles: number;
  readonly roleSeconds: number;
  readonly mfaSessionSeconds: number;
  readonly renewalLeadSeconds: number;
  readonly windowMs: number;
}

export interface MinimumCalls {
  readonly assumeRole: number;
  readonly getSessionToken: number;
  readonly total: number;
}

/** Renewals one role needs in `windowMs` when assumed at 0 and renewed at each deadline. */
export function renewalsPerRole(roleSeconds: number, renewalLeadSeconds: number, windowMs: number): number {
  let obtainedAt = 0;
  let renewals = 0;
  for (;;) {
    const due = renewalTime(obtainedAt, obtainedAt + roleSeconds * 1000, renewalLeadSeconds * 1000, () => 0);
    if (due >= windowMs) return renewals;
    renewals += 1;
    obtainedAt = due;
  }
}

export function minimumCalls(input: MinimumInput): MinimumCalls {
  const assumeRole = input.roles * (1 + renewalsPerRole(input.roleSeconds, input.renewalLeadSeconds, input.windowMs));
  const usableMs = input.mfaSessionSeconds * 1000 - MFA_SESSION_MIN_REMAINING_MS;
  const getSessionToken = input.identities * Math.max(1, Math.ceil(input.windowMs / usableMs));
  return { assumeRole, getSessionToken, total: assumeRole + getSessionToken };
}
