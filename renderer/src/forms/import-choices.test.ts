import { describe, expect, it } from 'vitest';
import type { ImportPlanView, ImportRoleView } from '../../../electron/contract/import-views.js';
import { changedEnvironments, hasNewEntries } from './import-choices.js';

const role = (name: string, env: ImportRoleView['env'], exists = false): ImportRoleView => ({
  name,
  env,
  identity: 'dev',
  roleArn: `arn:aws:iam::222222222222:role/${name}`,
  externalId: null,
  durationSeconds: 3600,
  sessionName: null,
  region: 'ap-northeast-1',
  mfa: false,
  from: 'config line 1',
  exists,
});

const plan = (roles: ImportRoleView[]): ImportPlanView => ({ paths: { credentials: 'c', config: 'k' }, identities: [], roles, notImported: [] });

describe('changedEnvironments', () => {
  it('sends only environments changed from the guess, for roles the import creates', () => {
    const p = plan([role('tes-repository', 'tes'), role('release', 'other'), role('kept', 'stg', true)]);
    expect(changedEnvironments(p, { 'tes-repository': 'tes', release: 'stg', kept: 'prd' })).toEqual([{ role: 'release', env: 'stg' }]);
    expect(changedEnvironments(p, {})).toEqual([]);
  });
});

describe('hasNewEntries', () => {
  it('is false when everything is already in sts-tray', () => {
    expect(hasNewEntries(plan([role('kept', 'stg', true)]))).toBe(false);
    expect(hasNewEntries(plan([role('new', 'stg')]))).toBe(true);
  });
});
