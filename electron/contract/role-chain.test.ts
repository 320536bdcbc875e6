import { describe, expect, it } from 'vitest';
import { appConfigSchema, roleSchema } from './config-schema.js';
import { ROLE_CHAINING_MAX_SECONDS, resolveChain, rolesChainedFrom } from './role-chain.js';

const IDENTITIES = [
  { name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev' },
  { name: 'ci', accessKeyId: 'AKIAFAKEFAKEFAKE0002' },
];
const arn = (name: string) => `arn:aws:iam::222222222222:role/${name}`;
const role = (name: string, extra: Record<string, unknown> = {}) => ({ name, identity: 'dev', roleArn: arn(name), ...extra });

describe('resolveChain', () => {
  const links = [
    { name: 'hub', identity: 'dev' },
    { name: 'admin', identity: 'dev', sourceRole: 'hub' },
    { name: 'deep', identity: 'dev', sourceRole: 'admin' },
    { name: 'a', identity: 'dev', sourceRole: 'b' },
    { name: 'b', identity: 'dev', sourceRole: 'a' },
    { name: 'lost', identity: 'dev', sourceRole: 'gone' },
  ];

  it.each([
    ['a role assumed from its identity', 'hub', ['hub']],
    ['a role chained once', 'admin', ['hub', 'admin']],
    ['a role chained twice', 'deep', ['hub', 'admin', 'deep']],
  ])('gives the chain of %s, root first, and its root identity', (_what, name, chain) => {
    expect(resolveChain(links, name)).toEqual({ ok: true, chain, rootIdentity: 'dev' });
  });

  it.each([
    ['a cycle, naming every role in it', 'a', 'roles "a" → "b" → "a" form a cycle of source roles'],
    ['a source that does not exist, naming both', 'lost', 'role "lost" has source role "gone", which does not exist'],
  ])('refuses %s', (_what, name, message) => {
    const result = resolveChain(links, name);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
  });

  it('lists the roles chained from a role', () => {
    expect(rolesChainedFrom(links, 'hub')).toEqual(['admin']);
    expect(rolesChainedFrom(links, 'deep')).toEqual([]);
  });
});

describe('roleSchema for a chained role', () => {
  it('takes a source role and a duration up to 1 h', () => {
    const parsed = roleSchema.parse(role('admin', { sourceRole: 'hub', durationSeconds: ROLE_CHAINING_MAX_SECONDS }));
    expect(parsed).toMatchObject({ sourceRole: 'hub', durationSeconds: 3600, mfa: false });
  });

  it.each([
    ['a duration over AWS’s 1 h chaining limit', { durationSeconds: 3601 }, 'durationSeconds', 'AWS limits a session assumed with another role\'s session to 3600 seconds'],
    ['its own MFA', { mfa: true }, 'mfa', 'MFA is asked at the root of the chain'],
    ['itself as source', { sourceRole: 'admin' }, 'sourceRole', 'cannot be its own source role'],
  ])('refuses %s at the field', (_what, extra, field, message) => {
    const result = roleSchema.safeParse(role('admin', { sourceRole: 'hub', ...extra }));
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue?.path).toEqual([field]);
    expect(issue?.message).toContain(message);
    expect(issue?.message).toContain('"admin"');
  });

  it('leaves a role without a source as before: 12 h and MFA are fine', () => {
    expect(roleSchema.safeParse(role('hub', { durationSeconds: 43_200, mfa: true })).success).toBe(true);
  });
});

describe('appConfigSchema with chains', () => {
  const config = (roles: unknown[]) => appConfigSchema.safeParse({ version: 1, identities: IDENTITIES, roles });
  const messages = (roles: unknown[]) => config(roles).error?.issues.map((i) => i.message) ?? [];

  it('accepts a chain whose roles name the root identity', () => {
    expect(config([role('hub', { mfa: true }), role('admin', { sourceRole: 'hub' }), role('deep', { sourceRole: 'admin' })]).success).toBe(true);
  });

  it.each([
    ['a cycle', [role('hub'), role('a', { sourceRole: 'b' }), role('b', { sourceRole: 'a' })], 'form a cycle of source roles'],
    ['a missing source', [role('admin', { sourceRole: 'hub' })], 'role "admin" has source role "hub", which does not exist'],
    ['an identity other than the root’s', [role('hub'), role('admin', { sourceRole: 'hub', identity: 'ci' })], 'whose chain starts at identity "dev", not "ci"'],
  ])('refuses %s, naming the roles', (_what, roles, message) => {
    expect(messages(roles).join('\n')).toContain(message);
  });
});
