// TOTP codes (RFC 6238 over RFC 4226 HOTP, HMAC-SHA-1, 6 digits), as virtual MFA devices and
// AWS compute them. The emulator checks codes with this; tests use it to play the user's phone.

import { createHmac } from 'node:crypto';

export const TOTP_STEP_SECONDS = 30;

/** The time-step counter that a moment falls in. */
export function totpCounter(atMs: number, stepSeconds = TOTP_STEP_SECONDS): number {
  return Math.floor(atMs / 1000 / stepSeconds);
}

/** The 6-digit HOTP code for one counter value. */
export function hotp(secret: Uint8Array, counter: number): string {
  const message = Buffer.alloc(8);
  // The counter is a 64-bit big-endian integer; two 32-bit writes keep it exact past 2^32.
  message.writeUInt32BE(Math.floor(counter / 2 ** 32), 0);
  message.writeUInt32BE(counter % 2 ** 32, 4);
  const digest = createHmac('sha1', secret).update(message).digest();
  const offset = (digest[digest.length - 1] ?? 0) & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/** The code a TOTP device with this seed shows at `atMs` (epoch milliseconds). */
export function generateTotp(secret: Uint8Array, atMs: number, stepSeconds = TOTP_STEP_SECONDS): string {
  return hotp(secret, totpCounter(atMs, stepSeconds));
}
