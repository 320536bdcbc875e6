// AppView snapshots for the shell's unit tests: a fixed clock, roles in every environment,
// defaults everywhere else, so each test states only what it is about.

import { preferencesSchema, roleSchema, type Environment } from '../../contract/config-schema.js';
import type { AppView, RoleView } from '../../contract/views.js';

/** 2026-11-22 12:00 UTC: tests format times in UTC, so this reads "12:00". */
export const NOW = Date.UTC(2026, 10, 22, 12, 0);
export const MINUTE = 60_000;

const ACCOUNTS: Record<Environment, string> = {
  tes: '222222222222',
  stg: '333333333333',
  prd: '444444444444',
  other: '555555555555',
};

export function roleView(name: string, env: Environment, overrides: Partial<Omit<RoleView, 'role'>> = {}): RoleView {
  return {
    role: roleSchema.parse({ name, env, identity: 'dev', roleArn: `arn:aws:iam::${ACCOUNTS[env]}:role/${name}` }),
    profileName: name,
    status: 'idle',
    expiresAt: null,
    nextRenewalAt: null,
    lastError: null,
    active: false,
    ...overrides,
  };
}

/** A role switched to at NOW − 18 min: expires in 42 min, renews in 37. */
export function liveRole(name: string, env: Environment, overrides: Partial<Omit<RoleView, 'role'>> = {}): RoleView {
  return roleView(name, env, {
    status: 'active',
    expiresAt: NOW + 42 * MINUTE,
    nextRenewalAt: NOW + 37 * MINUTE,
    ...overrides,
  });
}

export function appView(overrides: Partial<AppView> = {}): AppView {
  const roles = overrides.roles ?? [];
  return {
    now: NOW,
    activeRole: roles.find((r) => r.active)?.role.name ?? null,
    identities: [],
    roles,
    preferences: preferencesSchema.parse({}),
    paths: { credentials: '/home/u/.aws/credentials', config: '/home/u/.aws/config', appConfig: '/home/u/.config/sts-tray/config.json' },
    activity: [],
    mfaPrompt: null,
    configError: null,
    systemLocale: 'en-US',
    ...overrides,
  };
}
