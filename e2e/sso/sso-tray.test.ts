// IAM Identity Center in the tray app, without Electron: the controller and the handlers main
// registers, over the real keychain (private), real files, the Identity Center and STS
// emulators on virtual time, and the shell recorded (tray menu, notifications, the page main
// opens). From a start URL to a tray switch the real AWS CLI reads, renewal without a
// browser, and a revoked sign-in that asks for a new one.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../renderer/harness/app-harness.js';
import { SSO_REGION, SSO_USER } from './sso-world.js';

const MINUTE = 60_000;

describe('IAM Identity Center in the tray app', () => {
  let harness: AppHarness;

  beforeEach(async () => {
    harness = await startAppHarness();
  });

  afterEach(async () => {
    await harness?.close();
  });

  const labels = () => harness.shell.tray.menu.map((e) => ('label' in e ? `${e.label}${e.type === 'normal' && !e.enabled ? ' (disabled)' : ''}` : '—'));

  async function signIn(): Promise<string> {
    const started = await harness.must('sso:sign-in', { name: 'myco' });
    harness.sso.approve(started.userCode);
    await harness.advance(2_000);
    return started.userCode;
  }

  it('from a start URL to a tray switch between tes, stg and prd that the AWS CLI reads', async () => {
    const added = await harness.must('sso:add', { identity: { name: 'myco', startUrl: harness.sso.startUrl, region: SSO_REGION } });
    expect(added.signInEndsAt).toBeNull();
    expect(labels()).toContain('Sign in to myco…');

    // The sign-in: main opens the page, the tray and the view show the code until approved.
    const started = await harness.must('sso:sign-in', { name: 'myco' });
    expect(harness.shell.opened).toEqual([started.verificationUri]);
    expect(started.verificationUri).toContain(started.userCode);
    expect((await harness.controller.view()).ssoSignIn?.userCode).toBe(started.userCode);
    expect(labels()).toContain(`myco: approve code ${started.userCode} in the browser (disabled)`);
    harness.sso.approve(started.userCode);
    await harness.advance(2_000);
    const view = await harness.controller.view();
    expect(view.ssoSignIn).toBeNull();
    expect(view.ssoIdentities?.[0]?.signInEndsAt).toBeGreaterThan(harness.time.now());
    expect(view.activity.map((a) => a.kind)).toContain('sso-signed-in');
    expect(labels().some((l) => l.includes('myco…'))).toBe(false);

    // Discovery, with one guessed environment changed before adding.
    const found = await harness.must('sso:discover', { name: 'myco' });
    expect(found.map((d) => [d.name, d.env])).toEqual([
      ['myco-tes-AdministratorAccess', 'tes'],
      ['myco-tes-ReadOnlyAccess', 'tes'],
      ['myco-stg-ReadOnlyAccess', 'stg'],
      ['myco-prd-ReadOnlyAccess', 'prd'],
    ]);
    const chosen = found.map((d) => (d.name === 'myco-tes-ReadOnlyAccess' ? { ...d, env: 'other' as const } : d));
    const roles = await harness.must('sso:add-roles', { name: 'myco', roles: chosen.map(({ accountId, roleName, env, name }) => ({ accountId, roleName, env, name })) });
    expect(roles.map((r) => [r.role.name, r.role.env])).toContainEqual(['myco-tes-ReadOnlyAccess', 'other']);
    expect((await harness.must('sso:discover', { name: 'myco' })).every((d) => d.added !== null)).toBe(true);

    // Switches from the tray menu, prd after its question; the AWS CLI is each role.
    harness.shell.confirm.answer = true;
    for (const [role, account] of [
      ['myco-tes-AdministratorAccess', '222222222222'],
      ['myco-stg-ReadOnlyAccess', '333333333333'],
      ['myco-prd-ReadOnlyAccess', '444444444444'],
    ] as const) {
      harness.shell.tray.click(role);
      await harness.settle();
      const caller = JSON.parse((await harness.awsCli(['sts', 'get-caller-identity', '--profile', role])).stdout) as { Account: string; Arn: string };
      expect(caller.Account).toBe(account);
      expect(caller.Arn).toContain(`/${SSO_USER}`);
    }
    expect(harness.shell.confirm.questions).toHaveLength(1);
    expect(harness.shell.errors).toEqual([]);
  });

  it('renews SSO roles from the refreshed token without a browser, and asks for a sign-in once revoked', async () => {
    await harness.must('sso:add', { identity: { name: 'myco', startUrl: harness.sso.startUrl, region: SSO_REGION } });
    await signIn();
    await harness.must('sso:add-roles', { name: 'myco', roles: [{ accountId: '333333333333', roleName: 'ReadOnlyAccess', env: 'stg', name: 'stg' }] });
    await harness.must('session:activate', { role: 'stg' });
    const first = await harness.readCredentials();

    // Past the access token's hour and the role credentials' renewal point.
    await harness.advance(60 * MINUTE);
    expect(await harness.readCredentials()).not.toBe(first);
    expect(harness.sso.calls.filter((c) => c.call === 'CreateToken' && c.status === 200).length).toBeGreaterThanOrEqual(2);
    expect(harness.shell.opened).toHaveLength(1);
    let view = await harness.controller.view();
    expect(view.roles.find((r) => r.role.name === 'stg')?.status).toBe('active');

    // An administrator revokes the session: the next renewal needs a sign-in, said once.
    harness.sso.revokeSessions();
    await harness.advance(60 * MINUTE);
    view = await harness.controller.view();
    expect(view.roles.find((r) => r.role.name === 'stg')?.lastError?.code).toBe('needs-sign-in');
    const notice = harness.shell.notifier.shown.find((n) => n.title === 'Sign in to myco again');
    expect(notice).toBeDefined();
    expect(labels()).toContain('Sign in to myco…');

    // Its click starts the sign-in; once approved, the stopped role renews at once.
    notice?.onClick?.();
    await harness.settle();
    expect(harness.shell.opened).toHaveLength(2);
    const code = (await harness.controller.view()).ssoSignIn?.userCode ?? '';
    harness.sso.approve(code);
    await harness.advance(2_000);
    view = await harness.controller.view();
    expect(view.roles.find((r) => r.role.name === 'stg')?.status).toBe('active');
    expect(view.roles.find((r) => r.role.name === 'stg')?.lastError).toBeNull();
  });

  it('a denied sign-in is recorded with its reason and nothing is stored', async () => {
    await harness.must('sso:add', { identity: { name: 'myco', startUrl: harness.sso.startUrl, region: SSO_REGION } });
    const started = await harness.must('sso:sign-in', { name: 'myco' });
    harness.sso.deny(started.userCode);
    await harness.advance(2_000);
    const view = await harness.controller.view();
    expect(view.ssoSignIn).toBeNull();
    expect(view.activity.find((a) => a.kind === 'sso-sign-in-failed')?.detail).toMatch(/denied in the browser/);
    expect([...(await harness.keychainItems()).keys()].filter((k) => k.startsWith('sso-token'))).toEqual([]);
  });
});
