import { describe, expect, it } from 'vitest';
import { preferencesSchema, type Preferences } from '../contract/config-schema.js';
import { NoticeCenter } from './notice-center.js';
import type { ShellEvent } from './shell-ports.js';
import { MINUTE, NOW } from './testing/app-view-fixture.js';
import { RecordingNotifier } from './testing/recording-ports.js';

function setUp(systemLocale = 'en-US') {
  const notifier = new RecordingNotifier();
  const calls: string[] = [];
  const center = new NoticeCenter({
    notifier,
    openMfaPrompt: (identity) => calls.push(`openMfaPrompt ${identity}`),
    signIn: (identity) => calls.push(`signIn ${identity}`),
    rotateKey: (identity) => calls.push(`rotateKey ${identity}`),
    showWindow: () => calls.push('showWindow'),
    systemLocale,
  });
  return { notifier, calls, center };
}

const prefs = (overrides: Partial<Preferences['notifications']> = {}, language: Preferences['language'] = 'en'): Preferences =>
  preferencesSchema.parse({ language, notifications: overrides });

const mfaExpiring = (leadSeconds: number, expiresAt = NOW + 15 * MINUTE): ShellEvent => ({
  type: 'mfa-expiring',
  identity: 'dev',
  expiresAt,
  leadSeconds,
  at: expiresAt - leadSeconds * 1000,
});
const failed = (role: string, retryAt: number | null, code: 'access-denied' | 'network' | 'needs-mfa' = 'access-denied'): ShellEvent => ({
  type: 'failed',
  role,
  identity: 'dev',
  code,
  message: `AssumeRole for ${role} was denied: check the role's trust policy`,
  retryAt,
  at: NOW,
});
const expired = (role: string): ShellEvent => ({ type: 'expired', role, at: NOW });
const switched = (role: string, env: 'tes' | 'prd', at = NOW): ShellEvent => ({ type: 'switched', role, env, at });
const recovered = (role: string): ShellEvent => ({ type: 'recovered', role, at: NOW });

describe('NoticeCenter', () => {
  it('an old key and an unfinished rotation: once each, a click rotates; a rotation says how it went', () => {
    const { notifier, calls, center } = setUp();
    center.handle({ type: 'key-old', identity: 'dev', ageDays: 120, at: NOW }, prefs());
    center.handle({ type: 'key-old', identity: 'dev', ageDays: 120, at: NOW + MINUTE }, prefs());
    center.handle({ type: 'rotation-interrupted', identity: 'dev', leftover: 'AKIAORPHANFAKE000001: an interrupted rotation created this key', at: NOW }, prefs());
    expect(notifier.titles).toEqual(['The key of dev is 120 days old', 'A key rotation of dev did not finish']);
    expect(notifier.shown[1]?.body).toBe('Its current key still works. In IAM: AKIAORPHANFAKE000001: an interrupted rotation created this key. Click to finish the rotation.');
    notifier.shown[0]?.onClick?.();
    expect(calls).toEqual(['rotateKey dev']);
    center.handle({ type: 'key-rotated', identity: 'dev', newAccessKeyId: 'AKIANEWFAKE000000001', at: NOW }, prefs());
    center.handle({ type: 'key-rotation-failed', identity: 'dev', message: 'ListAccessKeys failed: …', at: NOW }, prefs({}, 'ja'));
    expect(notifier.shown.slice(2).map((n) => [n.title, n.body])).toEqual([
      ['New key for dev', 'dev now uses AKIANEWFAKE000000001; the old key is retired.'],
      ['dev のキーのローテーションが止まりました', 'ListAccessKeys failed: …'],
    ]);
    // Rotated: an old key is news again only for the new key.
    center.handle({ type: 'key-old', identity: 'dev', ageDays: 91, at: NOW }, prefs());
    expect(notifier.titles.at(-1)).toBe('The key of dev is 91 days old');
  });

  it('MFA session ending: says whose and in how many minutes; a click opens the MFA prompt for that identity', () => {
    const { notifier, calls, center } = setUp();
    center.handle(mfaExpiring(900), prefs());
    expect(notifier.shown).toEqual([
      {
        title: 'MFA session ending soon',
        body: 'MFA session of dev ends in 15 min. Click to enter a new code.',
        onClick: expect.any(Function),
      },
    ]);
    notifier.shown[0]?.onClick?.();
    expect(calls).toEqual(['openMfaPrompt dev']);
  });

  it('MFA session ending: once per warning lead, and again for a new MFA session', () => {
    const { notifier, center } = setUp();
    center.handle(mfaExpiring(900), prefs());
    center.handle(mfaExpiring(900), prefs());
    center.handle(mfaExpiring(300), prefs());
    expect(notifier.shown.map((n) => n.body)).toEqual([
      'MFA session of dev ends in 15 min. Click to enter a new code.',
      'MFA session of dev ends in 5 min. Click to enter a new code.',
    ]);
    const next = NOW + 12 * 60 * MINUTE;
    center.handle(mfaExpiring(900, next), prefs());
    center.handle(mfaExpiring(900, next), prefs());
    expect(notifier.shown).toHaveLength(3);
  });

  it('renewal failed and needs the user: the reason, once per role until it recovers; a click shows the window', () => {
    const { notifier, calls, center } = setUp();
    center.handle(failed('tes', null), prefs());
    center.handle(failed('tes', null), prefs());
    center.handle(failed('stg', null), prefs());
    expect(notifier.shown.map((n) => [n.title, n.body])).toEqual([
      ['Renewal of tes failed', "AssumeRole for tes was denied: check the role's trust policy"],
      ['Renewal of stg failed', "AssumeRole for stg was denied: check the role's trust policy"],
    ]);
    notifier.shown[0]?.onClick?.();
    expect(calls).toEqual(['showWindow']);

    center.handle(recovered('tes'), prefs());
    center.handle(failed('tes', null), prefs());
    expect(notifier.titles).toEqual(['Renewal of tes failed', 'Renewal of stg failed', 'Renewal of tes failed']);
  });

  it('an ended MFA session: one notice for the identity, not one per role; a click asks for the code', () => {
    const { notifier, calls, center } = setUp();
    for (const role of ['tes', 'stg', 'prd']) center.handle(failed(role, null, 'needs-mfa'), prefs());
    expect(notifier.shown.map((n) => n.title)).toEqual(['MFA code needed for dev']);
    notifier.shown[0]?.onClick?.();
    expect(calls).toEqual(['openMfaPrompt dev']);
    center.handle(failed('tes', null, 'needs-mfa'), prefs());
    expect(notifier.shown).toHaveLength(1);
    center.handle({ type: 'renewed', role: 'tes', expiresAt: NOW + 3_600_000, at: NOW }, prefs());
    center.handle(failed('tes', null, 'needs-mfa'), prefs());
    expect(notifier.shown).toHaveLength(2);
  });

  it('renewal failed transiently (the engine retries): no notice, so a network blip does not spam', () => {
    const { notifier, center } = setUp();
    center.handle(failed('tes', NOW + MINUTE, 'network'), prefs());
    center.handle(failed('tes', NOW + 2 * MINUTE, 'network'), prefs());
    expect(notifier.shown).toEqual([]);
  });

  it('a renewal counts as recovery: the next failure is notified again', () => {
    const { notifier, center } = setUp();
    center.handle(failed('tes', null), prefs());
    center.handle({ type: 'renewed', role: 'tes', expiresAt: NOW + 60 * MINUTE, at: NOW }, prefs());
    center.handle(failed('tes', null), prefs());
    expect(notifier.shown).toHaveLength(2);
  });

  it('a renewal wave that could not run: one notice per cause until something renews', () => {
    const { notifier, center } = setUp();
    const wave: ShellEvent = { type: 'wave-failed', code: 'config-invalid', message: 'config.json: line 3 is not JSON', at: NOW };
    center.handle(wave, prefs());
    center.handle(wave, prefs());
    expect(notifier.shown.map((n) => [n.title, n.body])).toEqual([['Renewal stopped', 'config.json: line 3 is not JSON']]);
    center.handle({ type: 'renewed', role: 'tes', expiresAt: NOW + 60 * MINUTE, at: NOW }, prefs());
    center.handle(wave, prefs());
    expect(notifier.shown).toHaveLength(2);
  });

  it('credentials expired: once per role until it recovers (a switch to it)', () => {
    const { notifier, center } = setUp();
    center.handle(expired('tes'), prefs());
    center.handle(expired('tes'), prefs());
    expect(notifier.shown.map((n) => [n.title, n.body])).toEqual([
      ['Credentials of tes expired', 'AWS tools using tes will fail until you switch to it again.'],
    ]);
    center.handle(recovered('tes'), prefs());
    center.handle(expired('tes'), prefs());
    expect(notifier.shown).toHaveLength(2);
  });

  it('switched to prd: every switch, but not a repeat of the same event; switches elsewhere say nothing', () => {
    const { notifier, center } = setUp();
    center.handle(switched('tes', 'tes'), prefs());
    center.handle(switched('prd-admin', 'prd'), prefs());
    center.handle(switched('prd-admin', 'prd'), prefs());
    center.handle(switched('prd-admin', 'prd', NOW + MINUTE), prefs());
    expect(notifier.shown.map((n) => [n.title, n.body])).toEqual([
      ['Switched to prd role prd-admin', 'Commands now run against production.'],
      ['Switched to prd role prd-admin', 'Commands now run against production.'],
    ]);
  });

  it.each([
    ['mfaExpiring', mfaExpiring(900)],
    ['renewalFailed', failed('tes', null)],
    ['renewalFailed', { type: 'wave-failed', code: 'file-io', message: 'disk full', at: NOW } as ShellEvent],
    ['expired', expired('tes')],
    ['switchedPrd', switched('prd', 'prd')],
  ] as const)('the %s preference mutes its kind', (kind, event) => {
    const { notifier, center } = setUp();
    center.handle(event, prefs({ [kind]: false }));
    expect(notifier.shown).toEqual([]);
    center.handle(event, prefs());
    expect(notifier.shown).toHaveLength(1);
  });

  it('clock jumps are not notified', () => {
    const { notifier, center } = setUp();
    center.handle({ type: 'clock-jump', deltaMs: 3_600_000, at: NOW }, prefs());
    expect(notifier.shown).toEqual([]);
  });

  it('speaks Japanese by preference or by a Japanese system locale', () => {
    const { notifier, center } = setUp('ja-JP');
    center.handle(mfaExpiring(300), prefs({}, 'system'));
    center.handle(expired('tes'), prefs({}, 'ja'));
    expect(notifier.shown.map((n) => [n.title, n.body])).toEqual([
      ['MFA セッションがまもなく終了します', 'dev の MFA セッションはあと 5 分で終了します。クリックして新しいコードを入力してください。'],
      ['tes の認証情報が期限切れになりました', 'tes を使う AWS ツールは、もう一度切り替えるまで失敗します。'],
    ]);
    const english = setUp('ja-JP');
    english.center.handle(expired('tes'), prefs({}, 'en'));
    expect(english.notifier.titles).toEqual(['Credentials of tes expired']);
  });

  it('a refused copy or clear is always told, even with every notice muted; a click opens the window', () => {
    const { notifier, calls, center } = setUp();
    const muted = prefs({ mfaExpiring: false, renewalFailed: false, expired: false, switchedPrd: false });
    center.handle({ type: 'clipboard-refused', action: 'copy', at: NOW }, muted);
    center.handle({ type: 'clipboard-refused', action: 'clear', at: NOW }, muted);
    expect(notifier.titles).toEqual(['Export lines not copied', 'Clipboard not cleared']);
    notifier.shown[0]?.onClick?.();
    expect(calls).toEqual(['showWindow']);
  });
});

describe('NoticeCenter: IAM Identity Center sign-ins', () => {
  it('warns ahead of a sign-in end as a sign-in, and its click starts one (not the MFA prompt)', () => {
    const { notifier, calls, center } = setUp();
    center.handle({ type: 'mfa-expiring', identity: 'myco', expiresAt: NOW + 15 * MINUTE, leadSeconds: 900, at: NOW, signIn: true }, prefs());
    expect(notifier.titles).toEqual(['IAM Identity Center sign-in myco ends in 15 min']);
    notifier.shown[0]?.onClick?.();
    expect(calls).toEqual(['signIn myco']);
  });

  it('says "sign in again" once for every role a revoked sign-in stopped, in Japanese too', () => {
    const { notifier, calls, center } = setUp('ja-JP');
    for (const role of ['tes', 'prd']) {
      center.handle({ type: 'failed', role, identity: 'myco', code: 'needs-sign-in', message: 'sign in again', retryAt: null, at: NOW }, prefs({}, 'system'));
    }
    expect(notifier.titles).toEqual(['myco にもう一度サインインしてください']);
    notifier.shown[0]?.onClick?.();
    expect(calls).toEqual(['signIn myco']);
  });
});
