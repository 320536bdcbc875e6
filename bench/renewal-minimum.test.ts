import { describe, expect, it } from 'vitest';
import { minimumCalls, renewalsPerRole } from './renewal-minimum.js';

const H = 3_600_000;

describe('minimum STS calls of the renewal benchmark', () => {
  it.each([
    // 1 h sessions renew 6 min early (10 % beats the 5 min lead): every 54 min, 26 times a day.
    [3600, 300, 24 * H, 26],
    // 12 h sessions renew 72 min early: at 10:48 and 21:36.
    [43_200, 300, 24 * H, 2],
    // 15 min sessions renew 5 min early (the lead beats 10 %): every 10 min.
    [900, 300, 1 * H, 5],
    [3600, 300, 54 * 60_000, 0],
  ])('a %i s role, %i s lead, %i ms window: %i renewals', (roleSeconds, lead, windowMs, renewals) => {
    expect(renewalsPerRole(roleSeconds, lead, windowMs)).toBe(renewals);
  });

  it('1,000 one-hour roles of 10 identities over a day: 27,000 AssumeRole, 3 MFA sessions each', () => {
    const min = minimumCalls({
      identities: 10, roles: 1000, roleSeconds: 3600, mfaSessionSeconds: 43_200, renewalLeadSeconds: 300, windowMs: 24 * H,
    });
    // Two 12 h sessions fall a minute short of a day (each is unusable in its last minute).
    expect(min).toEqual({ assumeRole: 27_000, getSessionToken: 30, total: 27_030 });
  });
});
