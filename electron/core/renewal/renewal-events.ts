// What the renewal engine tells the shells (tray, notifications, renderer, `sts-tray watch`).

import type { RoleStatus } from '../../contract/role-status.js';
import type { ErrorCode } from '../errors.js';

export type { RoleStatus } from '../../contract/role-status.js';

export interface RoleState {
  readonly role: string;
  readonly identity: string;
  readonly status: RoleStatus;
  readonly expiresAt: number | null;
  readonly nextRenewalAt: number | null;
  readonly lastError: { readonly code: ErrorCode; readonly message: string } | null;
}

export interface MfaSessionState {
  readonly identity: string;
  readonly expiresAt: number;
}

export interface EngineState {
  readonly roles: readonly RoleState[];
  readonly mfaSessions: readonly MfaSessionState[];
}

export type RenewalEvent =
  | {
      readonly type: 'renewed';
      readonly role: string;
      readonly expiresAt: number;
      readonly at: number;
      /** The role's first session: it had waited for a code (activateOrWait). */
      readonly first?: true;
    }
  | {
      readonly type: 'failed';
      readonly role: string;
      /** The identity the role is assumed from (a code it needs is that identity's). */
      readonly identity: string;
      readonly code: ErrorCode;
      readonly message: string;
      /** When the engine tries again by itself; null when it needs the user. */
      readonly retryAt: number | null;
      readonly at: number;
    }
  | {
      readonly type: 'mfa-expiring';
      readonly identity: string;
      readonly expiresAt: number;
      readonly leadSeconds: number;
      readonly at: number;
      /** The identity is an IAM Identity Center sign-in: what ends is the sign-in, and a new one (not a code) continues it. */
      readonly signIn?: true;
    }
  | { readonly type: 'expired'; readonly role: string; readonly at: number }
  /** Its profile was removed by another process (a sign-out elsewhere): no longer renewed. */
  | { readonly type: 'signed-out'; readonly role: string; readonly identity: string; readonly at: number }
  | { readonly type: 'clock-jump'; readonly deltaMs: number; readonly at: number }
  /** A wave could not run at all (the config became unreadable, a file could not be written). */
  | { readonly type: 'wave-failed'; readonly code: ErrorCode; readonly message: string; readonly at: number };

export type RenewalListener = (event: RenewalEvent) => void;
