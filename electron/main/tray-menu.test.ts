import { describe, expect, it } from 'vitest';
import { appConfigSchema } from '../core/model.js';
import { trayMenu } from './tray-menu.js';

const config = appConfigSchema.parse({
  version: 1,
  identities: [{ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev' }],
  roles: [
    { name: 'prd', env: 'prd', identity: 'dev', roleArn: 'arn:aws:iam::444444444444:role/prd-deployer' },
    { name: 'tes', env: 'tes', identity: 'dev', roleArn: 'arn:aws:iam::222222222222:role/tes-deployer' },
  ],
});

describe('trayMenu', () => {
  it('groups roles by environment in tes, stg, prd order and checks the live one', () => {
    const now = Date.UTC(2026, 10, 22, 12);
    const items = trayMenu({ config, owned: [{ profile: 'tes', expiresAt: now + 42 * 60_000 }], now });
    expect(items.map((i) => ('label' in i ? i.label : '—'))).toEqual(['tes', 'tes (42 min left)', '—', 'prd', 'prd', '—', 'Quit']);
    expect(items.find((i) => i.kind === 'role' && i.role === 'tes')).toMatchObject({ checked: true });
    expect(items.find((i) => i.kind === 'role' && i.role === 'prd')).toMatchObject({ checked: false });
  });

  it('does not check a role whose profile has expired', () => {
    const now = Date.UTC(2026, 10, 22, 12);
    const items = trayMenu({ config, owned: [{ profile: 'tes', expiresAt: now - 1 }], now });
    expect(items.filter((i) => i.kind === 'role' && i.checked)).toEqual([]);
  });
});
