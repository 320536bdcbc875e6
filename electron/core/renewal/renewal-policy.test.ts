import { describe, expect, it } from 'vitest';
import { backoffDelay, isTransient, renewalTime } from './renewal-policy.js';

const H = 3_600_000;
const MIN = 60_000;

describe('renewalTime', () => {
  it.each([
    ['1 h session, 5 min lead: 10 % (6 min) wins', H, 5 * MIN, H - 6 * MIN],
    ['12 h session: 72 min before', 12 * H, 5 * MIN, 12 * H - 72 * MIN],
    ['15 min session: the 5 min lead wins', 15 * MIN, 5 * MIN, 10 * MIN],
    ['20 s session (test mode): never before half-life', 20_000, 5 * MIN, 10_000],
  ])('%s', (_label, lifetime, lead, expected) => {
    expect(renewalTime(0, lifetime, lead, () => 0)).toBe(expected);
  });

  it('jitters earlier by at most 1 % of the lifetime, capped at 30 s', () => {
    expect(renewalTime(0, H, 5 * MIN, () => 1)).toBe(H - 6 * MIN - 30_000);
    expect(renewalTime(0, 15 * MIN, 5 * MIN, () => 1)).toBe(10 * MIN - 9_000);
  });
});

describe('retry policy', () => {
  it('retries throttling, network and clock skew; not access denied or a bad key', () => {
    expect(['throttled', 'network', 'clock-skew'].every((c) => isTransient(c as never))).toBe(true);
    expect(['access-denied', 'invalid-key', 'needs-mfa', 'invalid-mfa', 'validation'].some((c) => isTransient(c as never))).toBe(false);
  });

  it('backs off exponentially with jitter, capped at a minute', () => {
    expect(backoffDelay(1, () => 0)).toBe(1_000);
    expect(backoffDelay(1, () => 1)).toBe(2_000);
    expect(backoffDelay(3, () => 1)).toBe(8_000);
    expect(backoffDelay(20, () => 1)).toBe(60_000);
  });
});
