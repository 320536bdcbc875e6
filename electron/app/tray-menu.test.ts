import { describe, expect, it } from 'vitest';
import { mainStrings } from './main-strings.js';
import { MINUTE, NOW, appView, liveRole, roleView } from './testing/app-view-fixture.js';
import { trayMenu, type TrayMenuItem } from './tray-menu.js';
import { clockTime } from '../core/time.js';

const en = mainStrings('en', 'en-US');
const utc = clockTime('UTC');

/** The menu as a person reads it: one line per item. */
function lines(items: readonly TrayMenuItem[]): string[] {
  return items.map((item) => {
    switch (item.kind) {
      case 'label':
        return item.label;
      case 'separator':
        return '—';
      case 'role':
        return `${item.checked ? '[x]' : '[ ]'} ${item.label}`;
      case 'copy':
        return `${item.label}${item.enabled ? '' : ' (disabled)'} ▸ ${item.formats.map((f) => f.label).join(' | ')}`;
      case 'action':
      case 'sso-sign-in':
        return `${item.label}${item.enabled ? '' : ' (disabled)'}`;
      case 'rotate':
        return `${item.label} ▸ ${item.identities.join(' | ')}`;
    }
  });
}

const fleet = () => [
  roleView('prd-admin', 'prd', { status: 'needs-mfa' }),
  liveRole('tes-deployer', 'tes', { active: true }),
  roleView('stg-deployer', 'stg', { status: 'renewing', expiresAt: NOW + 3 * MINUTE }),
  roleView('tes-reader', 'tes', { status: 'failed', lastError: { code: 'access-denied', message: 'not allowed' } }),
  roleView('sandbox', 'other', { status: 'expired', expiresAt: NOW - MINUTE }),
  roleView('stg-reader', 'stg'),
];

describe('trayMenu', () => {
  it('shows the active role, its environment, expiry and next renewal, then roles grouped tes / stg / prd / other', () => {
    expect(lines(trayMenu(appView({ roles: fleet() }), en, utc))).toEqual([
      'tes-deployer · tes',
      'expires 12:42 · renews in 37 min',
      '—',
      'tes',
      '[x] tes-deployer — 42 min left',
      '[ ] tes-reader — failed',
      '—',
      'stg',
      '[ ] stg-deployer — renewing…',
      '[ ] stg-reader',
      '—',
      'prd',
      '[ ] prd-admin — needs MFA',
      '—',
      'other',
      '[ ] sandbox — expired',
      '—',
      'Copy export lines ▸ bash / zsh | fish | PowerShell | cmd | dotenv',
      'Renew now',
      'Open AWS console',
      '—',
      'Open sts-tray…',
      'Sign out of all',
      '—',
      'Quit',
    ]);
  });

  it('formats times in the injected time zone as 24-hour HH:MM', () => {
    const now = Date.UTC(2026, 10, 22, 4, 0);
    const active = liveRole('tes', 'tes', { active: true, expiresAt: Date.UTC(2026, 10, 22, 5, 5), nextRenewalAt: now + 42 * MINUTE });
    const view = appView({ now, roles: [active] });
    expect(lines(trayMenu(view, en, clockTime('UTC')))[1]).toBe('expires 05:05 · renews in 42 min');
    expect(lines(trayMenu(view, en, clockTime('Asia/Tokyo')))[1]).toBe('expires 14:05 · renews in 42 min');
  });

  it('says when the active role expired instead of a renewal time', () => {
    const view = appView({ roles: [roleView('tes', 'tes', { active: true, status: 'expired', expiresAt: NOW - 5 * MINUTE })] });
    const menu = trayMenu(view, en, utc);
    expect(lines(menu).slice(0, 2)).toEqual(['tes · tes', 'expired at 11:55']);
    expect(menu.find((i) => i.kind === 'copy')).toMatchObject({ enabled: false });
  });

  it('leaves out "renews in" when no renewal is planned (the role waits for an MFA code)', () => {
    const view = appView({ roles: [liveRole('prd', 'prd', { active: true, status: 'needs-mfa', nextRenewalAt: null })] });
    expect(lines(trayMenu(view, en, utc))[1]).toBe('expires 12:42');
  });

  it('without an active role: a line saying so, nothing to copy, and renew / sign out only when a session runs', () => {
    const idle = lines(trayMenu(appView({ roles: [roleView('tes', 'tes')] }), en, utc));
    expect(idle[0]).toBe('No active role');
    expect(idle).toContain('Copy export lines (disabled) ▸ bash / zsh | fish | PowerShell | cmd | dotenv');
    expect(idle).toContain('Renew now (disabled)');
    expect(idle).toContain('Sign out of all (disabled)');

    const running = lines(trayMenu(appView({ roles: [liveRole('tes', 'tes')] }), en, utc));
    expect(running).toContain('Renew now');
    expect(running).toContain('Sign out of all');
  });

  it('opens the console as the active role, and offers key rotation per identity', () => {
    const identity = (name: string) => ({ name, accessKeyIdMasked: 'AKIA…0001', mfaSerial: null, region: 'us-east-1', mfaSessionSeconds: 43_200, mfaSessionExpiresAt: null });
    const menu = lines(trayMenu(appView({ roles: fleet(), identities: [identity('dev'), identity('ops')] }), en, utc));
    expect(menu.slice(-8)).toEqual(['Renew now', 'Open AWS console', '—', 'Rotate key… ▸ dev | ops', 'Open sts-tray…', 'Sign out of all', '—', 'Quit']);
    const idle = lines(trayMenu(appView({ roles: [roleView('tes', 'tes')] }), en, utc));
    expect(idle).toContain('Open AWS console (disabled)');
    expect(idle.some((line) => line.startsWith('Rotate key…'))).toBe(false);
  });

  it('checks only the active role', () => {
    const menu = trayMenu(appView({ roles: fleet() }), en, utc);
    const checked = menu.filter((i) => i.kind === 'role' && i.checked);
    expect(checked).toEqual([expect.objectContaining({ role: 'tes-deployer', env: 'tes' })]);
  });

  it('offers every paste format in the copy submenu, each naming its format', () => {
    const copy = trayMenu(appView({ roles: fleet() }), en, utc).find((i) => i.kind === 'copy');
    expect(copy).toMatchObject({
      enabled: true,
      formats: [
        { format: 'bash', label: 'bash / zsh' },
        { format: 'fish', label: 'fish' },
        { format: 'pwsh', label: 'PowerShell' },
        { format: 'cmd', label: 'cmd' },
        { format: 'dotenv', label: 'dotenv' },
      ],
    });
  });

  it('with no roles: tells the user to open sts-tray to add an identity', () => {
    expect(lines(trayMenu(appView(), en, utc))).toEqual([
      'No roles yet: open sts-tray to add an identity',
      '—',
      'Open sts-tray…',
      '—',
      'Quit',
    ]);
  });

  it('with an unreadable config: a line with the problem (cut to one menu line), then open and quit', () => {
    const message = `config.json line 3: ${'x'.repeat(300)}`;
    const menu = lines(trayMenu(appView({ configError: { code: 'config-invalid', message } }), en, utc));
    expect(menu[0]?.startsWith('Config problem: config.json line 3: xxx')).toBe(true);
    expect(menu[0]?.length).toBe(100);
    expect(menu.slice(1)).toEqual(['—', 'Open sts-tray…', '—', 'Quit']);
  });

  it('speaks Japanese when the preference says so, or when it follows a Japanese system locale', () => {
    const byPreference = lines(trayMenu(appView({ roles: fleet() }), mainStrings('ja', 'en-US'), utc));
    expect(byPreference.slice(0, 2)).toEqual(['tes-deployer · tes', '12:42 に期限切れ · 37 分後に更新']);
    const menu = lines(trayMenu(appView({ roles: fleet() }), mainStrings('system', 'ja-JP'), utc));
    expect(menu.slice(0, 2)).toEqual(['tes-deployer · tes', '12:42 に期限切れ · 37 分後に更新']);
    expect(menu).toContain('[ ] prd-admin — MFA が必要');
    expect(menu).toContain('その他');
    expect(menu.slice(-8)).toEqual([
      'エクスポート行をコピー ▸ bash / zsh | fish | PowerShell | cmd | dotenv',
      '今すぐ更新',
      'AWS コンソールを開く',
      '—',
      'sts-tray を開く…',
      'すべてサインアウト',
      '—',
      '終了',
    ]);
  });
});

describe('trayMenu: IAM Identity Center sign-ins', () => {
  const sso = (signInEndsAt: number | null) => ({ name: 'myco', startUrl: 'https://myco.awsapps.com/start', region: 'ap-northeast-1', roleRegion: null, signInEndsAt });
  const ssoRole = (overrides: Parameters<typeof liveRole>[2] = {}) => {
    const view = liveRole('myco-prd', 'prd', overrides);
    return { ...view, role: { ...view.role, identity: 'myco' } };
  };

  it('offers a sign-in where none runs, even before any role exists', () => {
    expect(lines(trayMenu(appView({ roles: [], ssoIdentities: [sso(null)] }), en, utc))).toContain('Sign in to myco…');
  });

  it('says nothing while the sign-in runs and its roles renew', () => {
    const menu = lines(trayMenu(appView({ roles: [ssoRole()], ssoIdentities: [sso(NOW + 60 * MINUTE)] }), en, utc));
    expect(menu.some((l) => l.includes('myco…') || l.includes('code'))).toBe(false);
  });

  it('offers it again when its roles stopped for want of a sign-in', () => {
    const stopped = ssoRole({ status: 'failed', lastError: { code: 'needs-sign-in', message: 'sign in again' } });
    expect(lines(trayMenu(appView({ roles: [stopped], ssoIdentities: [sso(NOW + 60 * MINUTE)] }), en, utc))).toContain('Sign in to myco…');
  });

  it('shows the code a waiting sign-in needs approved, not clickable', () => {
    const view = appView({ roles: [ssoRole()], ssoIdentities: [sso(null)], ssoSignIn: { identity: 'myco', userCode: 'BCDF-GHJK', verificationUri: 'https://device.sso.ap-northeast-1.amazonaws.com/?user_code=BCDF-GHJK', expiresAt: NOW + 10 * MINUTE } });
    expect(lines(trayMenu(view, en, utc))).toContain('myco: approve code BCDF-GHJK in the browser (disabled)');
    const ja = trayMenu({ ...view, preferences: { ...view.preferences, language: 'ja' } }, mainStrings('ja', 'ja-JP'), utc);
    expect(lines(ja)).toContain('myco: ブラウザでコード BCDF-GHJK を承認してください (disabled)');
  });
});
