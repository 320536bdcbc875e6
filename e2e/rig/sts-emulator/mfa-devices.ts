// The users' virtual MFA devices as AWS checks them: the code of the current 30-second
// window or one either side is accepted, and each code is good for one use only.

import type { EmulatorUser } from './emulator-config.js';
import { hotp, totpCounter } from './totp.js';

export type MfaCheck = 'ok' | 'not-this-users-device' | 'invalid-code';

// AWS tolerates a phone whose clock is a little off: one window before and after.
const ACCEPTED_WINDOWS = [0, -1, 1] as const;

export class MfaDevices {
  private readonly secrets = new Map<string, Uint8Array>();
  private readonly usedCounters = new Map<string, Set<number>>();

  constructor(users: readonly EmulatorUser[]) {
    for (const user of users) if (user.mfa) this.secrets.set(user.mfa.serial, user.mfa.secret);
  }

  has(serial: string): boolean {
    return this.secrets.has(serial);
  }

  /** The code the device shows at `atMs`; throws for a serial no user has. */
  code(serial: string, atMs: number): string {
    const secret = this.secrets.get(serial);
    if (!secret) throw new Error(`the STS emulator has no MFA device ${serial}; add it to a user's mfa`);
    return hotp(secret, totpCounter(atMs));
  }

  /** Checks `code` for `user`'s device `serial` and, when it is good, uses it up. */
  verify(user: EmulatorUser, serial: string, code: string, nowMs: number): MfaCheck {
    if (!user.mfa || user.mfa.serial !== serial) return 'not-this-users-device';
    const now = totpCounter(nowMs);
    const used = this.usedCounters.get(serial) ?? new Set<number>();
    this.usedCounters.set(serial, used);
    for (const counter of [...used]) if (counter < now - 2) used.delete(counter);
    for (const offset of ACCEPTED_WINDOWS) {
      const counter = now + offset;
      if (hotp(user.mfa.secret, counter) === code) {
        if (used.has(counter)) return 'invalid-code';
        used.add(counter);
        return 'ok';
      }
    }
    return 'invalid-code';
  }
}
