import { describe, expect, it } from 'vitest';
import { appConfigSchema, roleSchema, type AppConfig } from './model.js';
import { byChainDepth, chainDepth, refuseRemovingSource, rootIdentityOf } from './role-chain.js';
import { withRole } from './role-admin.js';
import { errorOf } from './testing/error-of.js';

const arn = (name: string) => `arn:aws:iam::222222222222:role/${name}`;

function baseConfig(): AppConfig {
  return appConfigSchema.parse({
    version: 1,
    identities: [
      { name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev' },
      { name: 'ci', accessKeyId: 'AKIAFAKEFAKEFAKE0002' },
    ],
    roles: [
      { name: 'hub', identity: 'dev', roleArn: arn('hub'), mfa: true, durationSeconds: 43_200 },
      { name: 'admin', identity: 'dev', roleArn: arn('admin'), sourceRole: 'hub' },
      { name: 'deep', identity: 'dev', roleArn: arn('deep'), sourceRole: 'admin' },
      { name: 'bot', identity: 'ci', roleArn: arn('bot') },
    ],
  });
}

const chained = (name: string, sourceRole: string, extra: Record<string, unknown> = {}) =>
  roleSchema.parse({ name, identity: 'placeholder', roleArn: arn(name), sourceRole, ...extra });

describe('saving chained roles', () => {
  it('a new chained role takes the identity its chain starts at', () => {
    const next = withRole(baseConfig(), chained('reader', 'deep'));
    expect(next.roles.find((r) => r.name === 'reader')).toMatchObject({ identity: 'dev', sourceRole: 'deep' });
    expect(appConfigSchema.safeParse(next).success).toBe(true);
  });

  it('a source moved to another identity carries its chain with it', () => {
    const config = baseConfig();
    const hub = config.roles.find((r) => r.name === 'hub');
    const next = withRole(config, { ...hub!, identity: 'ci', mfa: false }, { replace: true });
    expect(next.roles.map((r) => [r.name, r.identity])).toEqual([
      ['hub', 'ci'],
      ['admin', 'ci'],
      ['deep', 'ci'],
      ['bot', 'ci'],
    ]);
  });

  it('a renamed source keeps the roles chained from it linked', () => {
    const config = baseConfig();
    const hub = config.roles.find((r) => r.name === 'hub');
    const next = withRole(config, { ...hub!, name: 'root' }, { previousName: 'hub' });
    expect(next.roles.find((r) => r.name === 'admin')?.sourceRole).toBe('root');
  });

  it.each([
    ['a cycle', () => withRole(baseConfig(), chained('hub', 'deep'), { replace: true }), /roles "hub" → "deep" → "admin" → "hub" form a cycle/],
    ['a source that does not exist', () => withRole(baseConfig(), chained('reader', 'nobody')), /role "reader" has source role "nobody", which does not exist/],
  ])('refuses %s, naming the roles', (_what, save, message) => {
    expect(() => save()).toThrow(message);
  });

  it('rootIdentityOf names a missing source clearly', () => {
    expect(rootIdentityOf(baseConfig(), 'deep')).toBe('dev');
    expect(() => rootIdentityOf(baseConfig(), 'nobody')).toThrow(/no role named "nobody" to chain from \(roles: hub, admin, deep, bot\)/);
  });
});

describe('removing a source role', () => {
  it('is refused while roles chain from it, naming them', async () => {
    const error = await errorOf(Promise.resolve().then(() => refuseRemovingSource(baseConfig(), 'hub')));
    expect(error).toMatchObject({ code: 'conflict' });
    expect(error.message).toContain('role "hub" is the source role of "admin"');
    expect(() => refuseRemovingSource(baseConfig(), 'deep')).not.toThrow();
  });
});

describe('renewal order', () => {
  it('groups roles by chain depth, sources first', () => {
    const config = baseConfig();
    expect(['deep', 'bot', 'admin', 'hub'].map((n) => chainDepth(config, n))).toEqual([2, 0, 1, 0]);
    expect(byChainDepth(config, ['deep', 'bot', 'admin', 'hub'], (n) => n)).toEqual([['bot', 'hub'], ['admin'], ['deep']]);
  });
});
