import { beforeEach, describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS } from '../contract/channels.js';
import type { AppView } from '../contract/views.js';
import { saveIdentityKey } from '../core/identity-keys.js';
import { SessionService } from '../core/sessions.js';
import { dispatchRequest } from './ipc-dispatch.js';
import { CONTROLLER_PATHS, controllerRig, type ControllerRig } from './testing/controller-rig.js';

const SECRET = 'fake-secret-dev-000000000000000000000001';
const IDENTITY = { name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev' };
const MIN = 60_000;

function config(preferences: Record<string, unknown> = {}) {
  return {
    version: 1,
    identities: [IDENTITY],
    roles: [
      { name: 'tes', env: 'tes', identity: 'dev', mfa: true, roleArn: 'arn:aws:iam::222222222222:role/tes-deployer' },
      { name: 'stg', env: 'stg', identity: 'dev', mfa: true, roleArn: 'arn:aws:iam::333333333333:role/stg-deployer' },
      { name: 'prd', env: 'prd', identity: 'dev', mfa: true, roleArn: 'arn:aws:iam::444444444444:role/prd-deployer', mirrorDefault: true },
    ],
    preferences,
  };
}

describe('AppController', () => {
  let rig: ControllerRig;
  const call = (channel: string, payload: unknown) => dispatchRequest(rig.controller.handlers, channel, payload);
  const credentials = () => rig.files.text(CONTROLLER_PATHS.credentials) ?? '';

  beforeEach(async () => {
    rig = await controllerRig(config());
    await saveIdentityKey(rig.secrets, { ...IDENTITY, region: 'us-east-1', mfaSessionSeconds: 43_200 }, SECRET);
    await rig.controller.start();
    await rig.settle();
  });

  it('has a handler for every request channel of the contract', () => {
    expect(Object.keys(rig.controller.handlers).sort()).toEqual([...REQUEST_CHANNELS].sort());
  });

  it('switches with a code, then reuses the MFA session for the next role, and marks the active one', async () => {
    const first = await call('session:activate', { role: 'tes' });
    expect(first).toMatchObject({ ok: false, error: { code: 'needs-mfa' } });
    expect(credentials()).toBe('');

    const tes = await call('session:activate', { role: 'tes', mfaCode: '123456' });
    expect(tes).toMatchObject({ ok: true, value: { role: 'tes', profiles: ['tes'], assumedRoleArn: expect.stringContaining('tes-deployer') } });
    expect(await call('session:activate', { role: 'stg' })).toMatchObject({ ok: true });
    expect(rig.sts.count('GetSessionToken')).toBe(1);
    expect(credentials()).toContain('[tes]');
    expect(credentials()).toContain('[stg]');

    const view = await rig.controller.view();
    expect(view.activeRole).toBe('stg');
    expect(view.roles.map((r) => [r.role.name, r.status, r.active])).toEqual([
      ['tes', 'active', false],
      ['stg', 'active', true],
      ['prd', 'idle', false],
    ]);
    expect(view.activity.map((a) => a.kind).slice(0, 3)).toEqual(['switched', 'switched', 'mfa-started']);
  });

  it('asks for confirmation before a prd switch and writes nothing until given', async () => {
    await call('session:activate', { role: 'tes', mfaCode: '123456' });
    const before = credentials();
    expect(await call('session:activate', { role: 'prd' })).toMatchObject({ ok: false, error: { code: 'needs-confirmation' } });
    expect(credentials()).toBe(before);
    expect(await call('session:activate', { role: 'prd', confirmed: true })).toMatchObject({
      ok: true,
      value: { profiles: ['prd', 'default'] },
    });
    const switched = rig.shell.events.filter((e) => e.event.type === 'switched').map((e) => e.event);
    expect(switched.at(-1)).toMatchObject({ role: 'prd', env: 'prd' });
  });

  it('does not ask for prd confirmation when the preference is off', async () => {
    rig = await controllerRig(config({ confirmPrd: false }));
    await saveIdentityKey(rig.secrets, { ...IDENTITY, region: 'us-east-1', mfaSessionSeconds: 43_200 }, SECRET);
    expect(await call('session:activate', { role: 'prd', mfaCode: '123456' })).toMatchObject({ ok: true });
  });

  it('a tray click on a role needing a code opens the MFA prompt; the code completes that switch', async () => {
    await rig.controller.switchRole('tes');
    await rig.settle();
    const prompted = await rig.controller.view();
    expect(prompted.mfaPrompt).toEqual({ identity: 'dev', mfaSerial: IDENTITY.mfaSerial, role: 'tes', reason: 'needs-mfa' });
    expect(rig.shell.windowShown).toHaveLength(1);

    expect(await call('mfa:submit', { identity: 'dev', code: '123456' })).toMatchObject({ ok: true });
    const after = await rig.controller.view();
    expect(after.mfaPrompt).toBeNull();
    expect(after.activeRole).toBe('tes');
    expect(credentials()).toContain('[tes]');
  });

  it('a prompt already open for an identity is not raised again by another asker (a tool over the socket)', async () => {
    await rig.controller.switchRole('tes');
    await rig.settle();
    rig.controller.promptMfa('dev', 'needs-mfa', 'stg');
    await rig.settle();
    expect((await rig.controller.view()).mfaPrompt).toMatchObject({ identity: 'dev', role: 'tes' });
    expect(rig.shell.windowShown).toHaveLength(1);
  });

  it('a tray switch to prd asks the native question; "no" writes nothing', async () => {
    await call('mfa:submit', { identity: 'dev', code: '123456' });
    rig.shell.answer = false;
    await rig.controller.switchRole('prd');
    expect(rig.shell.questions[0]?.title).toContain('prd');
    expect(credentials()).not.toContain('[prd]');
    rig.shell.answer = true;
    await rig.controller.switchRole('prd');
    expect(credentials()).toContain('[prd]');
    expect(credentials()).toContain('[default]');
  });

  it('copies export lines through main only: the response carries the clearing time, not the lines', async () => {
    await call('session:activate', { role: 'tes', mfaCode: '123456' });
    const result = await call('exports:copy', { format: 'bash' });
    expect(result).toEqual({ ok: true, value: { clearsAt: rig.time.now() + 30_000 } });
    const copied = rig.shell.copies[0];
    expect(copied?.text).toMatch(/^export AWS_ACCESS_KEY_ID=/);
    expect(copied?.clearAfterMs).toBe(30_000);
    expect(JSON.stringify(result)).not.toContain('AWS_SECRET_ACCESS_KEY');
  });

  it('no view or response ever holds the long-lived secret, a session key or a token', async () => {
    const added = await call('identity:add', {
      identity: { name: 'ops', accessKeyId: 'AKIAFAKEFAKEFAKE0002' },
      secretAccessKey: 'fake-secret-ops-0000000000000000000000002',
    });
    expect(added).toMatchObject({ ok: true, value: { account: '111111111111', identity: { accessKeyIdMasked: 'AKIA…0002' } } });
    await call('session:activate', { role: 'tes', mfaCode: '123456' });
    const written = credentials();
    const secrets = [SECRET, 'fake-secret-ops-0000000000000000000000002', ...written.matchAll(/= (\S+)/g)].map((m) =>
      typeof m === 'string' ? m : (m[1] ?? ''),
    );
    const sessionValues = secrets.filter((s) => s.length >= 16 && !s.startsWith('AKIAFAKE'));
    const answers = JSON.stringify([added, await call('state:get', {}), await call('session:renew', {}), await rig.controller.view()]);
    for (const value of sessionValues) expect(answers).not.toContain(value);
  });

  it('adds tes/stg/prd with the quick form in one write, named after their environments', async () => {
    rig = await controllerRig({ version: 1, identities: [IDENTITY] });
    const result = await call('role:add-environments', {
      identity: 'dev',
      roleName: 'admin',
      accounts: { tes: '222222222222', stg: '333333333333', prd: '444444444444' },
      externalId: 'ext-id-0001',
      mfa: true,
    });
    expect(result.ok).toBe(true);
    const roles = (await rig.controller.view()).roles.map((r) => [r.role.name, r.role.env, r.role.roleArn, r.role.externalId]);
    expect(roles).toEqual([
      ['tes', 'tes', 'arn:aws:iam::222222222222:role/tes-admin', 'ext-id-0001'],
      ['stg', 'stg', 'arn:aws:iam::333333333333:role/stg-admin', 'ext-id-0001'],
      ['prd', 'prd', 'arn:aws:iam::444444444444:role/prd-admin', 'ext-id-0001'],
    ]);
  });

  it('keeps an edited role in its place, and a new role goes last', async () => {
    const view = await rig.controller.view();
    const stg = view.roles.find((r) => r.role.name === 'stg')?.role;
    expect(await call('role:save', { role: { ...stg, durationSeconds: 1800 }, previousName: 'stg' })).toMatchObject({ ok: true });
    expect(await call('role:save', { role: { ...stg, name: 'stg2', profile: 'stg2' } })).toMatchObject({ ok: true });
    const after = await rig.controller.view();
    expect(after.roles.map((r) => [r.role.name, r.role.durationSeconds])).toEqual([
      ['tes', 3600],
      ['stg', 1800],
      ['prd', 3600],
      ['stg2', 3600],
    ]);
  });

  it('rejects a bad account id or a short external ID at the field, writing nothing', async () => {
    const before = rig.files.text(CONTROLLER_PATHS.appConfig);
    const badAccount = await call('role:add-environments', { identity: 'dev', roleName: 'admin', accounts: { tes: '12345' }, mfa: true });
    expect(badAccount).toMatchObject({ ok: false, error: { code: 'validation', field: 'accounts.tes', message: expect.stringContaining('12 digits') } });
    const shortId = await call('role:save', {
      role: { name: 'x', identity: 'dev', roleArn: 'arn:aws:iam::222222222222:role/x', externalId: 'a' },
    });
    expect(shortId).toMatchObject({ ok: false, error: { code: 'validation', field: 'role.externalId' } });
    const badArn = await call('role:save', { role: { name: 'x', identity: 'dev', roleArn: 'arn:aws:iam::2222:role/x' } });
    expect(badArn).toMatchObject({ ok: false, error: { code: 'validation', field: 'role.roleArn' } });
    expect(rig.files.text(CONTROLLER_PATHS.appConfig)).toBe(before);
  });

  it('signs out of all: our profiles go, renewal stops, no role is active', async () => {
    await call('session:activate', { role: 'tes', mfaCode: '123456' });
    await call('session:activate', { role: 'stg' });
    rig.files.setText(CONTROLLER_PATHS.credentials, `[mine]\naws_access_key_id = AKIAMINEMINEMINE0001\n\n${credentials()}`);
    await rig.controller.signOutAll();
    await rig.settle();
    expect(credentials().trimEnd()).toBe('[mine]\naws_access_key_id = AKIAMINEMINEMINE0001');
    expect(rig.engine.state().roles).toEqual([]);
    expect((await rig.controller.view()).activeRole).toBeNull();
    // As `sts-tray logout --all`: MFA sessions end too, so the next switch asks for a code.
    expect(await call('session:activate', { role: 'tes' })).toMatchObject({ ok: false, error: { code: 'needs-mfa' } });
  });

  it('signs out of one role: its profile goes, the others keep running', async () => {
    await call('session:activate', { role: 'tes', mfaCode: '123456' });
    await call('session:activate', { role: 'stg' });
    expect(await call('session:sign-out', { role: 'stg' })).toEqual({ ok: true, value: { removed: ['stg'] } });
    expect(credentials()).toContain('[tes]');
    expect(credentials()).not.toContain('[stg]');
    expect(rig.engine.state().roles.map((r) => r.role)).toEqual(['tes']);
    expect((await rig.controller.view()).activeRole).toBeNull();
  });

  it('turns engine events into activity and hands them to the notices with the preferences', async () => {
    await call('session:activate', { role: 'tes', mfaCode: '123456' });
    await rig.time.advance(55 * MIN, rig.settle);
    const view = await rig.controller.view();
    expect(view.activity[0]).toMatchObject({ kind: 'renewed', subject: 'tes' });
    expect(rig.shell.events.map((e) => e.event.type)).toContain('renewed');
    expect(rig.shell.events[0]?.preferences.notifications.mfaExpiring).toBe(true);
  });

  it('sends a new view each minute while a session runs, and none when nothing runs', async () => {
    const views: AppView[] = [];
    rig.controller.onView((v) => views.push(v));
    await rig.time.advance(5 * MIN, rig.settle);
    expect(views).toHaveLength(0);
    await call('session:activate', { role: 'tes', mfaCode: '123456' });
    await rig.settle();
    const afterSwitch = views.length;
    await rig.time.advance(5 * MIN, rig.settle);
    expect(views.length - afterSwitch).toBe(5);
  });

  it('after a sleep the desktop did not report, renews the overdue role within a minute', async () => {
    await call('session:activate', { role: 'tes', mfaCode: '123456' });
    await rig.settle();
    const assumed = rig.sts.count('AssumeRole');
    rig.time.sleep(58 * MIN); // wall clock moves, timers stand still; the renewal was due at ~54 min
    await rig.time.advance(MIN, rig.settle);
    expect(rig.sts.count('AssumeRole')).toBe(assumed + 1);
    expect((await rig.controller.view()).roles[0]).toMatchObject({ status: 'active', expiresAt: rig.time.now() + 60 * MIN });
  });

  it('a role waiting for a code resumes within a minute of an MFA session started in a terminal', async () => {
    await call('session:activate', { role: 'tes', mfaCode: '123456' });
    await rig.time.advance(13 * 60 * MIN, rig.settle);
    expect((await rig.controller.view()).roles[0]?.status).toBe('needs-mfa');
    // `sts-tray assume` in a terminal: another SessionService over the same keychain.
    const terminal = new SessionService({
      config: () => rig.services.configStore.load(),
      secrets: rig.secrets,
      sts: rig.sts,
      clock: rig.time,
    });
    await terminal.startMfaSession('dev', '654321');
    await rig.time.advance(MIN, rig.settle);
    await rig.settle();
    expect((await rig.controller.view()).roles[0]?.status).toBe('active');
  });

  it('applies launch at login when the preference changes', async () => {
    const view = await rig.controller.view();
    const result = await call('preferences:set', { preferences: { ...view.preferences, launchAtLogin: true } });
    expect(result).toMatchObject({ ok: true, value: { launchAtLogin: true } });
    expect(rig.shell.loginItem.at(-1)).toBe(true);
  });

  it('on quit clears our clipboard content and removes our profiles when the preference says so', async () => {
    const view = await rig.controller.view();
    await call('preferences:set', { preferences: { ...view.preferences, onQuit: 'remove' } });
    await call('session:activate', { role: 'tes', mfaCode: '123456' });
    await rig.controller.shutdown();
    expect(rig.shell.clears).toHaveLength(1);
    expect(credentials()).not.toContain('[tes]');
  });

  it('keeps our profiles on quit by default', async () => {
    await call('session:activate', { role: 'tes', mfaCode: '123456' });
    await rig.controller.shutdown();
    expect(credentials()).toContain('[tes]');
  });

  it('shows a broken config as a problem in the view instead of failing', async () => {
    rig.files.setText(CONTROLLER_PATHS.appConfig, '{ not json');
    const view = await rig.controller.view();
    expect(view.configError).toMatchObject({ code: 'config-invalid' });
    expect(view.roles).toEqual([]);
  });
});
