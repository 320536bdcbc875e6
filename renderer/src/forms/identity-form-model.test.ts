import { describe, expect, it } from 'vitest';
import { checkIdentityDraft, emptyIdentityDraft, refusalAtField, replaceKeyDraft, type IdentityDraft } from './identity-form-model.js';

const good: IdentityDraft = {
  ...emptyIdentityDraft(),
  name: 'dev',
  accessKeyId: 'AKIAFAKE000000000001',
  secretAccessKey: 'fake-secret-1',
  mfaSerial: 'arn:aws:iam::123456789012:mfa/dev',
  region: 'ap-northeast-1',
};

describe('checkIdentityDraft', () => {
  it('gives the identity (never the secret) with the MFA session in seconds', () => {
    const { identity, problems } = checkIdentityDraft(good);
    expect(problems).toEqual({});
    expect(identity).toEqual({
      name: 'dev',
      accessKeyId: 'AKIAFAKE000000000001',
      mfaSerial: 'arn:aws:iam::123456789012:mfa/dev',
      region: 'ap-northeast-1',
      mfaSessionSeconds: 43_200,
    });
    expect(JSON.stringify(identity)).not.toContain('fake-secret');
  });

  it('leaves a blank MFA device out', () => {
    expect(checkIdentityDraft({ ...good, mfaSerial: ' ' }).identity).not.toHaveProperty('mfaSerial');
  });

  it.each<[string, Partial<IdentityDraft>, string]>([
    ['a lower-case key ID', { accessKeyId: 'akiafake000000000001' }, 'accessKeyId'],
    ['no secret', { secretAccessKey: '' }, 'secretAccessKey'],
    ['a short MFA serial', { mfaSerial: 'short' }, 'mfaSerial'],
    ['a region typo', { region: 'tokyo' }, 'region'],
    ['37 hours of MFA session', { sessionLength: '37' }, 'mfaSessionSeconds'],
    ['129601 seconds of MFA session', { sessionLength: '129601', sessionUnit: 'seconds' }, 'mfaSessionSeconds'],
    ['899 seconds of MFA session', { sessionLength: '899', sessionUnit: 'seconds' }, 'mfaSessionSeconds'],
    ['a reserved name', { name: '__proto__' }, 'name'],
  ])('%s is refused at its field', (_what, change, field) => {
    const { identity, problems } = checkIdentityDraft({ ...good, ...change });
    expect(identity).toBeNull();
    expect(Object.keys(problems).filter((k) => problems[k as keyof typeof problems])).toEqual([field]);
  });

  it('takes 36 hours, the longest MFA session STS gives', () => {
    expect(checkIdentityDraft({ ...good, sessionLength: '36' }).identity?.mfaSessionSeconds).toBe(129_600);
  });
});

describe('replaceKeyDraft', () => {
  it('keeps the settings and asks for a new key and secret', () => {
    const draft = replaceKeyDraft({
      name: 'dev',
      accessKeyIdMasked: 'AKIA…0001',
      mfaSerial: null,
      region: 'us-east-1',
      mfaSessionSeconds: 5400,
      mfaSessionExpiresAt: null,
    });
    expect(draft).toMatchObject({ name: 'dev', accessKeyId: '', secretAccessKey: '', sessionLength: '5400', sessionUnit: 'seconds', replace: true });
  });
});

describe('refusalAtField', () => {
  it('puts a refused key pair at the secret, to be typed again; other errors keep their place', () => {
    expect(refusalAtField({ code: 'invalid-key', message: 'AWS rejected the signature' })).toEqual({
      code: 'invalid-key',
      message: 'AWS rejected the signature',
      field: 'secretAccessKey',
    });
    expect(refusalAtField({ code: 'validation', message: 'bad', field: 'identity.region' })).toEqual({
      code: 'validation',
      message: 'bad',
      field: 'identity.region',
    });
    expect(refusalAtField({ code: 'network', message: 'offline' })).toEqual({ code: 'network', message: 'offline' });
  });
});
