// TOTP against RFC 6238's published SHA-1 test values, and the emulator's MFA rules:
// ±1 window accepted, each code once, only the caller's own device.

import { describe, expect, it } from 'vitest';

import { base32Decode, base32Encode } from './base32.js';
import { CI_BOT, DEV, MFA_SERIAL } from './fixtures.js';
import { MfaDevices } from './mfa-devices.js';
import { generateTotp } from './totp.js';

// RFC 6238 appendix B: seed "12345678901234567890", 8-digit codes; a 6-digit code is the last six.
const RFC_SEED = Buffer.from('12345678901234567890');

describe('generateTotp', () => {
  it.each([
    [59, '94287082'],
    [1_111_111_109, '07081804'],
    [1_111_111_111, '14050471'],
    [1_234_567_890, '89005924'],
    [2_000_000_000, '69279037'],
    [20_000_000_000, '65353130'],
  ])('at %i s gives the last six digits of RFC 6238’s %s', (seconds, eightDigits) => {
    expect(generateTotp(RFC_SEED, seconds * 1000)).toBe(eightDigits.slice(2));
  });

  it('changes only at 30-second boundaries unless told another step', () => {
    expect(generateTotp(RFC_SEED, 30_000)).toBe(generateTotp(RFC_SEED, 59_999));
    expect(generateTotp(RFC_SEED, 59_999)).not.toBe(generateTotp(RFC_SEED, 60_000));
    expect(generateTotp(RFC_SEED, 119_000, 60)).toBe(generateTotp(RFC_SEED, 60_000, 60));
  });
});

describe('base32 MFA seeds', () => {
  it('reads the seed as authenticator apps show it, spaces and padding allowed', () => {
    expect(base32Encode(RFC_SEED)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(Buffer.from(base32Decode('gezd gnbv gy3t qojq gezd gnbv gy3t qojq====')).toString()).toBe('12345678901234567890');
  });

  it('refuses characters outside the alphabet, naming them', () => {
    expect(() => base32Decode('GEZ1')).toThrow(/"1"/);
  });
});

describe('MfaDevices', () => {
  const now = Date.UTC(2026, 10, 22, 12, 0, 10);
  const secret = DEV.mfa?.secret ?? new Uint8Array();
  const at = (offsetSeconds: number): string => generateTotp(secret, now + offsetSeconds * 1000);

  it.each([
    ['the current code', 0, 'ok'],
    ['the previous window’s code', -30, 'ok'],
    ['the next window’s code', 30, 'ok'],
    ['a code two windows old', -60, 'invalid-code'],
    ['a code two windows ahead', 60, 'invalid-code'],
  ] as const)('answers %s with %s', (_what, offset, expected) => {
    const devices = new MfaDevices([DEV]);
    const code = at(offset);
    // A code of another window may by chance equal the current one; then it is simply valid.
    const expectation = code === at(0) ? 'ok' : expected;
    expect(devices.verify(DEV, MFA_SERIAL, code, now)).toBe(expectation);
  });

  it('accepts each code once, and a used code stays refused for the rest of its life', () => {
    const devices = new MfaDevices([DEV]);
    const code = at(0);
    expect(devices.verify(DEV, MFA_SERIAL, code, now)).toBe('ok');
    expect(devices.verify(DEV, MFA_SERIAL, code, now)).toBe('invalid-code');
    expect(devices.verify(DEV, MFA_SERIAL, code, now + 30_000)).toBe('invalid-code'); // now the previous window
    expect(devices.verify(DEV, MFA_SERIAL, at(30), now)).toBe('ok');
  });

  it('refuses a serial that is not the caller’s device', () => {
    const devices = new MfaDevices([DEV, CI_BOT]);
    expect(devices.verify(CI_BOT, MFA_SERIAL, at(0), now)).toBe('not-this-users-device');
    expect(devices.verify(DEV, 'arn:aws:iam::111111111111:mfa/other', at(0), now)).toBe('not-this-users-device');
  });

  it('tells a test the code of any known device, and names an unknown one', () => {
    const devices = new MfaDevices([DEV]);
    expect(devices.code(MFA_SERIAL, now)).toBe(at(0));
    expect(() => devices.code('arn:aws:iam::111111111111:mfa/nobody', now)).toThrow(/no MFA device arn:aws:iam::111111111111:mfa\/nobody/);
  });
});
