// What `sts-tray watch` prints: one line per engine event, the line naming what it watches,
// and the closing line. Times are local HH:MM:SS (renewals of short sessions are seconds
// apart), every expiry by our clock (core/time.ts), as the tray shows them.

import type { EngineState, RenewalEvent } from '../core/renewal/renewal-events.js';
import { clockTimeWithSeconds, span, type TimeFormatter } from '../core/time.js';

/** The formatter is made on first use, not at the start of every command. */
let localSeconds: TimeFormatter | undefined;

/** 14:05:09 in local time. */
export function stamp(ms: number): string {
  return (localSeconds ??= clockTimeWithSeconds())(ms);
}

/** "valid until 21:00:00 (12 h 0 min)": a bare time hours ahead could be read as today's. */
export function validUntil(ms: number, now: number): string {
  return `valid until ${stamp(ms)} (${span(ms - now)})`;
}

/** The line `watch` prints for an engine event. */
export function eventLine(event: RenewalEvent): string {
  const at = stamp(event.at);
  switch (event.type) {
    case 'renewed':
      return event.first
        ? `${at} ${event.role} active: valid until ${stamp(event.expiresAt)}`
        : `${at} renewed ${event.role}: valid until ${stamp(event.expiresAt)}`;
    case 'failed': {
      const who = `${event.role} renewal`;
      if (event.code === 'needs-mfa') return `${at} ${who} needs an MFA code: ${event.message}`;
      const next = event.retryAt === null ? 'not retrying until you fix this' : `retrying at ${stamp(event.retryAt)}`;
      return `${at} ${who} failed (${event.code}): ${event.message}; ${next}`;
    }
    case 'mfa-expiring':
      if (event.signIn) {
        return `${at} the IAM Identity Center sign-in ${event.identity} ends at ${stamp(event.expiresAt)} (in ${span(event.expiresAt - event.at)}); sign in again with sts-tray sso login ${event.identity}`;
      }
      return `${at} the MFA session of ${event.identity} ends at ${stamp(event.expiresAt)} (in ${span(event.expiresAt - event.at)}); renewals after that need a new code`;
    case 'expired':
      return `${at} ${event.role} expired: its profile no longer works until it is renewed`;
    case 'signed-out':
      return `${at} ${event.role} was signed out elsewhere (its profile is gone): no longer renewed`;
    case 'clock-jump':
      return `${at} the clock jumped ${event.deltaMs > 0 ? 'forward' : 'back'} ${span(event.deltaMs)} (sleep or clock change): checking every role now`;
    case 'wave-failed':
      return `${at} renewal could not run (${event.code}): ${event.message}; trying again at the next deadline`;
  }
}

/** "09:00:00 watching tes (active, valid until …, next renewal …), stg (waiting for an MFA code); Ctrl-C stops" */
export function watchingLine(state: EngineState, now: number): string {
  const parts = state.roles.map((r) => {
    if (r.expiresAt === null) return `${r.role} (${r.status === 'needs-mfa' ? 'waiting for an MFA code' : r.status})`;
    const next = r.nextRenewalAt === null ? '' : `, next renewal ${stamp(r.nextRenewalAt)}`;
    return `${r.role} (${r.status}, valid until ${stamp(r.expiresAt)}${next})`;
  });
  return `${stamp(now)} watching ${parts.join(', ')}; Ctrl-C stops`;
}

/** "stopped; renewals end here (still valid: tes until 09:25:00)" */
export function stoppedLine(state: EngineState, now: number): string {
  const valid = state.roles.filter((r) => r.expiresAt !== null && r.expiresAt > now);
  const left = valid.map((r) => `${r.role} until ${stamp(r.expiresAt ?? 0)}`).join(', ');
  return `${stamp(now)} stopped; renewals end here${left ? ` (still valid: ${left})` : ''}`;
}

/** Said once per identity when no terminal can ask for its code. */
export function tellLine(identity: string, roles: readonly string[], pickupMs: number, now: number): string {
  return (
    `${stamp(now)} ${roles.join(', ')} ${roles.length === 1 ? 'waits' : 'wait'} for an MFA code of ${identity}, and this terminal cannot ask for one: ` +
    `in another terminal run  sts-tray assume ${roles[0] ?? 'NAME'} --mfa-code CODE  — the MFA session is shared through the keychain and watch picks it up within ${span(pickupMs)}`
  );
}
