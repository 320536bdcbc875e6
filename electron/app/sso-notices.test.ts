import { describe, expect, it } from 'vitest';
import { preferencesSchema } from '../contract/config-schema.js';
import { NoticeCenter } from './notice-center.js';
import { MINUTE, NOW } from './testing/app-view-fixture.js';
import { RecordingNotifier } from './testing/recording-ports.js';

function setUp(systemLocale = 'en-US') {
  const notifier = new RecordingNotifier();
  const calls: string[] = [];
  const center = new NoticeCenter({
    notifier,
    openMfaPrompt: (identity) => calls.push(`openMfaPrompt ${identity}`),
    signIn: (identity) => calls.push(`signIn ${identity}`),
    showWindow: () => calls.push('showWindow'),
    systemLocale,
  });
  return { notifier, calls, center };
}

const preferences = preferencesSchema.parse({});

describe('NoticeCenter: IAM Identity Center sign-ins', () => {
  it('warns ahead of a sign-in end as a sign-in, and its click starts one (not the MFA prompt)', () => {
    const { notifier, calls, center } = setUp();
    center.handle({ type: 'mfa-expiring', identity: 'myco', expiresAt: NOW + 15 * MINUTE, leadSeconds: 900, at: NOW, signIn: true }, preferences);
    expect(notifier.titles).toEqual(['IAM Identity Center sign-in myco ends in 15 min']);
    notifier.shown[0]?.onClick?.();
    expect(calls).toEqual(['signIn myco']);
  });

  it('says "sign in again" once for every role a revoked sign-in stopped, in Japanese too', () => {
    const { notifier, calls, center } = setUp('ja-JP');
    for (const role of ['tes', 'prd']) {
      center.handle({ type: 'failed', role, identity: 'myco', code: 'needs-sign-in', message: 'sign in again', retryAt: null, at: NOW }, preferences);
    }
    expect(notifier.titles).toEqual(['myco にもう一度サインインしてください']);
    notifier.shown[0]?.onClick?.();
    expect(calls).toEqual(['signIn myco']);
  });
});
