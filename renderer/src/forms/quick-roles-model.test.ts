import { describe, expect, it } from 'vitest';
import { checkQuickDraft, emptyQuickDraft, quickPreview, type QuickDraft } from './quick-roles-model.js';

const good: QuickDraft = {
  ...emptyQuickDraft('dev'),
  roleName: 'repository',
  accounts: { tes: '111111111111', stg: '', prd: '333333333333' },
  externalId: 'ext-repo',
};

describe('the quick tes/stg/prd form', () => {
  it('skips blank accounts in the request and the preview', () => {
    expect(checkQuickDraft(good).request).toEqual({
      identity: 'dev',
      roleName: 'repository',
      accounts: { tes: '111111111111', prd: '333333333333' },
      externalId: 'ext-repo',
      mfa: true,
    });
    expect(quickPreview(good)).toEqual([
      { env: 'tes', arn: 'arn:aws:iam::111111111111:role/tes-repository' },
      { env: 'prd', arn: 'arn:aws:iam::333333333333:role/prd-repository' },
    ]);
  });

  it('sends an account’s own external ID beside the shared one, and leaves blank ones out', () => {
    const draft = { ...good, externalIds: { tes: ' ext-tes ', stg: '', prd: 'ext-prd' } };
    expect(checkQuickDraft(draft).request).toMatchObject({ externalId: 'ext-repo', externalIds: { tes: 'ext-tes', prd: 'ext-prd' } });
    expect(checkQuickDraft(good).request).not.toHaveProperty('externalIds');
  });

  it.each<[string, Partial<QuickDraft>, string]>([
    ['no account at all', { accounts: { tes: '', stg: '', prd: '' } }, 'accounts'],
    ['a bad stg account', { accounts: { tes: '111111111111', stg: '2222', prd: '' } }, 'stg'],
    ['an external ID of one character', { externalId: 'x' }, 'externalId'],
    ['a prd external ID of one character', { externalIds: { tes: '', stg: '', prd: 'x' } }, 'externalIds.prd'],
    ['no role name', { roleName: '' }, 'roleName'],
    ['a role name too long once prefixed with "prd-"', { roleName: 'r'.repeat(61) }, 'roleName'],
  ])('%s is refused at its field', (_what, change, field) => {
    const { request, problems } = checkQuickDraft({ ...good, ...change });
    expect(request).toBeNull();
    expect(Object.keys(problems).filter((k) => problems[k as keyof typeof problems])).toEqual([field]);
  });
});
