import { describe, expect, it } from 'vitest';
import { mainStrings } from './main-strings.js';
import { MINUTE, NOW, appView, liveRole, roleView } from './testing/app-view-fixture.js';
import { trayStatus } from './tray-status.js';

const en = mainStrings('en', 'en-US');

describe('trayStatus', () => {
  it('makes a live prd role unmistakable: prd icon, tooltip starting with PRD, time left', () => {
    const status = trayStatus(appView({ roles: [liveRole('prd-admin', 'prd', { active: true }), liveRole('tes', 'tes')] }), en);
    expect(status).toEqual({ env: 'prd', state: 'ok', tooltip: 'PRD · prd-admin · 42 min left' });
  });

  it('names tes and stg the same way, and gives other roles no environment icon', () => {
    expect(trayStatus(appView({ roles: [liveRole('t', 'tes', { active: true })] }), en)).toMatchObject({ env: 'tes', tooltip: 'TES · t · 42 min left' });
    expect(trayStatus(appView({ roles: [liveRole('s', 'stg', { active: true })] }), en)).toMatchObject({ env: 'stg' });
    expect(trayStatus(appView({ roles: [liveRole('o', 'other', { active: true })] }), en)).toMatchObject({ env: null, tooltip: 'o · 42 min left' });
  });

  it.each([
    ['renewing', [liveRole('a', 'tes', { active: true, status: 'renewing' })], 'renewing'],
    ['needs MFA beats renewing', [liveRole('a', 'tes', { status: 'renewing' }), roleView('b', 'prd', { status: 'needs-mfa' })], 'needs-mfa'],
    ['failed beats needs MFA', [roleView('a', 'tes', { status: 'failed' }), roleView('b', 'prd', { status: 'needs-mfa' })], 'failed'],
    ['an expired role shows as failed', [roleView('a', 'tes', { status: 'expired', expiresAt: NOW - MINUTE })], 'failed'],
    ['all fine', [liveRole('a', 'tes', { active: true }), roleView('b', 'stg')], 'ok'],
  ] as const)('icon state: %s', (_name, roles, state) => {
    expect(trayStatus(appView({ roles: [...roles] }), en).state).toBe(state);
  });

  it('counts the roles that need the user on a second tooltip line', () => {
    const view = appView({
      roles: [liveRole('tes', 'tes', { active: true }), roleView('a', 'stg', { status: 'failed' }), roleView('b', 'prd', { status: 'needs-mfa' })],
    });
    expect(trayStatus(view, en).tooltip).toBe('TES · tes · 42 min left\n2 roles need attention');
  });

  it('without a live role: no environment on the icon, and the tooltip says so', () => {
    expect(trayStatus(appView({ roles: [roleView('tes', 'tes')] }), en)).toEqual({ env: null, state: 'ok', tooltip: 'sts-tray: no active role' });
    const expired = trayStatus(appView({ roles: [roleView('prd', 'prd', { active: true, status: 'expired', expiresAt: NOW - MINUTE })] }), en);
    expect(expired).toEqual({ env: null, state: 'failed', tooltip: 'PRD · prd · expired\n1 role needs attention' });
  });

  it('a config error shows as failed with the problem, cut to the 127 characters Windows allows', () => {
    const status = trayStatus(appView({ configError: { code: 'config-invalid', message: 'y'.repeat(500) } }), en);
    expect(status.state).toBe('failed');
    expect(status.tooltip.startsWith('sts-tray: Config problem: yyy')).toBe(true);
    expect(status.tooltip).toHaveLength(127);
  });

  it('speaks Japanese', () => {
    const status = trayStatus(appView({ roles: [liveRole('prd', 'prd', { active: true }), roleView('x', 'tes', { status: 'failed' })] }), mainStrings('ja', 'en-US'));
    expect(status.tooltip).toBe('PRD · prd · 残り 42 分\n1 件のロールに対応が必要です');
  });
});
