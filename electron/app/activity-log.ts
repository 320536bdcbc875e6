// The window's Activity list: what happened, newest first, bounded, with no secret in it (the
// details are role names, profile names and error sentences).

import { ACTIVITY_LIMIT, type ActivityEntry, type ActivityKind } from '../contract/views.js';
import type { RenewalEvent } from '../core/renewal/renewal-events.js';

export class ActivityLog {
  private entries: ActivityEntry[] = [];

  record(kind: ActivityKind, subject: string, detail: string | null, at: number): void {
    this.entries.unshift({ at, kind, subject: subject.slice(0, 64), detail: detail === null ? null : detail.slice(0, 2000) });
    if (this.entries.length > ACTIVITY_LIMIT) this.entries.length = ACTIVITY_LIMIT;
  }

  list(): ActivityEntry[] {
    return [...this.entries];
  }
}

/** The activity entry of a renewal engine event (a clock jump is none). */
export function engineActivity(event: RenewalEvent): { kind: ActivityKind; subject: string; detail: string | null } | null {
  switch (event.type) {
    case 'renewed':
      return { kind: 'renewed', subject: event.role, detail: null };
    case 'failed':
      return { kind: 'renew-failed', subject: event.role, detail: event.message };
    case 'expired':
      return { kind: 'expired', subject: event.role, detail: null };
    case 'signed-out':
      return { kind: 'signed-out', subject: event.role, detail: 'its profile was removed outside the app; no longer renewed' };
    case 'mfa-expiring':
      return { kind: 'mfa-expiring', subject: event.identity, detail: `${Math.round(event.leadSeconds / 60)} min` };
    case 'wave-failed':
      return { kind: 'renew-failed', subject: 'renewal', detail: event.message };
    case 'clock-jump':
      return null;
  }
}
