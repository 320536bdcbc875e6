// Switching from the window: roles added with the quick form, a switch to tes with a code
// from the emulated device ([tes] written, the real AWS CLI acts as the role), a switch to
// stg on the same MFA session without a code, and prd only after a confirmation — in the
// window and from the tray; and three roles whose accounts each want their own external ID.

import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { AppWindow } from './harness/app-window.js';
import { poll } from './harness/poll.js';
import { rendererSuite } from './harness/renderer-suite.js';
import { seedIdentity, seedSwitchedTo } from './harness/seed.js';
import { ACCOUNTS, ENVS, EXTERNAL_ID, OWN_ID_ROLE_NAME, ROLE_NAME, USER, assumedRolePattern, ownExternalId, roleArn } from './harness/sts-world.js';

const suite = rendererSuite();

/** What the real AWS CLI says it is, using a profile sts-tray wrote. */
async function callerArn(harness: { awsCli(args: readonly string[]): Promise<{ stdout: string }> }, profile: string): Promise<string> {
  const { stdout } = await harness.awsCli(['sts', 'get-caller-identity', '--profile', profile]);
  return (JSON.parse(stdout) as { Arn: string }).Arn;
}

async function statusOf(app: AppWindow, role: string): Promise<string> {
  return app.session(role).getByTestId('session-status').innerText();
}

describe('switching roles', () => {
  it('adds tes/stg/prd with the quick form and switches to tes with the device code: [tes] written, the AWS CLI is the role', async () => {
    const { harness, app, ui } = await suite.start({ seed: seedIdentity });
    const { page } = ui;

    await app.goTo('roles');
    await app.fillQuick({ roleName: ROLE_NAME, accounts: ACCOUNTS, externalId: EXTERNAL_ID });
    expect(await page.getByTestId('quick-preview').locator('li').allInnerTexts()).toEqual(ENVS.map(roleArn));
    await app.submitQuick();
    await poll(() => page.getByTestId('quick-notice').innerText()).toBe('Added tes, stg, prd.');
    const config = JSON.parse((await harness.readAppConfig()) ?? '{}') as { roles: unknown[] };
    expect(config.roles).toEqual(
      ENVS.map((env) => expect.objectContaining({ name: env, env, roleArn: roleArn(env), externalId: EXTERNAL_ID, mfa: true, identity: 'dev' })),
    );

    // Sessions: one group per environment, prd's badge red, nobody signed in yet.
    await app.goTo('sessions');
    expect(await page.locator('section[data-env]').evaluateAll((groups) => groups.map((g) => g.getAttribute('data-env')))).toEqual(ENVS);
    for (const env of ENVS) expect(await statusOf(app, env)).toBe('Not signed in');
    const prdBadge = await app.session('prd').locator('.env-badge').evaluate((e) => getComputedStyle(e).backgroundColor);
    const [red = 0, green = 0, blue = 0] = (prdBadge.match(/\d+/g) ?? []).map(Number);
    expect(red, `prd badge colour ${prdBadge}`).toBeGreaterThan(Math.max(green, blue) + 60);
    expect(await harness.readCredentials()).toBeNull();

    // Activate tes: the core wants a code, the prompt says for whom, the sixth digit sends it.
    harness.emulator.resetCalls();
    await app.roleButton('Activate', 'tes').click();
    await app.mfaDialog.waitFor();
    expect(await app.mfaDialog.getByTestId('mfa-identity').innerText()).toBe('dev');
    expect(await app.mfaDialog.getByTestId('mfa-device').innerText()).toBe(USER.mfa.serial);
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('mfa-code');
    await app.typeMfaCode(harness.totp());
    await app.mfaDialog.waitFor({ state: 'detached' });
    await poll(() => page.getByTestId('activation-notice').innerText()).toMatch(
      /^Switched to tes as arn:aws:sts::222222222222:assumed-role\/tes-deployer\/\S+\.$/,
    );
    await harness.settle();
    await poll(() => statusOf(app, 'tes')).toBe('Active');
    expect(await app.session('tes').locator('.tag-active').innerText()).toBe('Current role');
    // The role in use offers Renew and Copy, not Activate again; the legend and the tooltips
    // say what "Active" and "Current role" each mean.
    expect(await app.roleButton('Activate', 'tes').count()).toBe(0);
    expect(await app.roleButton('Renew', 'tes').getAttribute('class')).toBe('button-primary');
    expect(await app.roleButton('Copy export lines for', 'tes').isEnabled()).toBe(true);
    expect(await app.roleButton('Activate', 'stg').count()).toBe(1);
    expect(await page.getByTestId('sessions-legend').innerText()).toBe(
      'Active\nIts credentials are valid; sts-tray renews them before they end.\nCurrent role\nThe role you switched to last; the tray menu shows it checked.',
    );
    expect(await app.session('tes').getByTestId('session-status').getAttribute('title')).toMatch(/^Its credentials are valid/);
    expect(await app.session('tes').locator('.tag-active').getAttribute('title')).toMatch(/^The role you switched to last/);
    expect(harness.emulator.calls.map((c) => `${c.action} ${c.status}`)).toEqual(['GetSessionToken 200', 'AssumeRole 200']);

    const credentials = (await harness.readCredentials()) ?? '';
    expect(credentials).toMatch(/^\[tes\]\n# managed by sts-tray/m);
    expect(credentials).not.toMatch(/^\[(stg|prd)\]/m);
    expect((await stat(harness.paths.credentials)).mode & 0o777).toBe(0o600);
    expect(await callerArn(harness, 'tes')).toMatch(assumedRolePattern('tes'));
  });

  it('switches to stg on the running MFA session without asking for a code', async () => {
    const { harness, app, ui } = await suite.start({ seed: (h) => seedSwitchedTo(h, 'tes') });
    const { page } = ui;
    harness.emulator.resetCalls();
    const asked = ui.exchanges.length;

    await app.roleButton('Activate', 'stg').click();
    await poll(() => page.getByTestId('activation-notice').innerText()).toMatch(
      /^Switched to stg as arn:aws:sts::333333333333:assumed-role\/stg-deployer\/\S+\.$/,
    );
    await harness.settle();
    // One request without a code, one AssumeRole: no prompt, no GetSessionToken.
    const activations = ui.exchanges.slice(asked).filter((e) => e.channel === 'session:activate');
    expect(activations.map((e) => e.payload)).toEqual([{ role: 'stg' }]);
    expect(await app.mfaDialog.count()).toBe(0);
    expect(harness.emulator.calls.map((c) => `${c.action} ${c.status}`)).toEqual(['AssumeRole 200']);
    await poll(() => statusOf(app, 'stg')).toBe('Active');
    expect(await app.session('stg').locator('.tag-active').count()).toBe(1);
    expect(await app.session('tes').locator('.tag-active').count()).toBe(0);
    // Activate moves with the current role: back on tes, gone from stg.
    expect(await app.roleButton('Activate', 'tes').count()).toBe(1);
    expect(await app.roleButton('Activate', 'stg').count()).toBe(0);
    expect((await harness.readCredentials()) ?? '').toMatch(/^\[stg\]\n# managed by sts-tray/m);
    expect(await callerArn(harness, 'stg')).toMatch(assumedRolePattern('stg'));
  });

  it('asks before prd: cancel writes nothing, Switch writes [prd] and notifies', async () => {
    const { harness, app, ui } = await suite.start({ seed: (h) => seedSwitchedTo(h, 'tes') });
    const { page } = ui;
    harness.emulator.resetCalls();
    const before = await harness.readCredentials();
    const asked = ui.exchanges.length;

    await app.roleButton('Activate', 'prd').click();
    await app.confirmDialog.waitFor();
    expect(await app.confirmDialog.getByRole('heading').innerText()).toBe('Switch to prd role prd?');
    await page.getByTestId('confirm-no').click();
    await app.confirmDialog.waitFor({ state: 'detached' });
    await harness.settle();
    expect(await harness.readCredentials()).toBe(before);
    expect(harness.emulator.calls).toEqual([]);
    expect(ui.exchanges.slice(asked).filter((e) => e.channel === 'session:activate')).toEqual([]);
    expect(harness.shell.notifier.shown).toEqual([]);

    await app.roleButton('Activate', 'prd').click();
    await app.confirmDialog.getByRole('button', { name: 'Switch' }).click();
    await poll(() => page.getByTestId('activation-notice').innerText()).toMatch(
      /^Switched to prd as arn:aws:sts::444444444444:assumed-role\/prd-deployer\/\S+\.$/,
    );
    await harness.settle();
    expect(harness.emulator.calls.map((c) => `${c.action} ${c.status}`)).toEqual(['AssumeRole 200']);
    expect((await harness.readCredentials()) ?? '').toMatch(/^\[prd\]\n# managed by sts-tray/m);
    expect(harness.shell.notifier.shown.map((n) => n.title)).toEqual(['Switched to prd role prd']);
    expect(harness.shell.tray.tooltip).toMatch(/^PRD · prd · \d+ min left$/);
    expect(harness.shell.tray.image).toBe('/assets/tray-prd-ok.png');
    expect(await callerArn(harness, 'prd')).toMatch(assumedRolePattern('prd'));
  });

  it('asks before prd from the tray too (a native question): no means nothing written', async () => {
    const { harness, app } = await suite.start({ seed: (h) => seedSwitchedTo(h, 'tes') });
    harness.emulator.resetCalls();
    const before = await harness.readCredentials();

    harness.shell.confirm.answer = false;
    harness.shell.tray.click('prd');
    await harness.settle();
    expect(harness.shell.confirm.questions.map((q) => q.title)).toEqual(['Switch to prd role "prd"?']);
    expect(await harness.readCredentials()).toBe(before);
    expect(harness.emulator.calls).toEqual([]);
    expect(harness.shell.tray.roleEntries().find((e) => e.label.startsWith('prd'))?.checked).toBe(false);

    harness.shell.confirm.answer = true;
    harness.shell.tray.click('prd');
    await harness.settle();
    expect((await harness.readCredentials()) ?? '').toMatch(/^\[prd\]\n# managed by sts-tray/m);
    // The window follows: prd is now the current role there as well.
    await poll(() => app.session('prd').locator('.tag-active').count()).toBe(1);
    expect(await app.session('tes').locator('.tag-active').count()).toBe(0);
  });

  it('adds three roles with an external ID per account (prd’s from the shared field) and switches to each', async () => {
    const { harness, app, ui } = await suite.start({ seed: seedIdentity });
    const { page } = ui;

    await app.goTo('roles');
    await app.fillQuick({
      roleName: OWN_ID_ROLE_NAME,
      accounts: ACCOUNTS,
      externalIds: { tes: ownExternalId('tes'), stg: ownExternalId('stg') },
      externalId: ownExternalId('prd'),
    });
    await app.submitQuick();
    await poll(() => page.getByTestId('quick-notice').innerText()).toBe('Added tes, stg, prd.');
    const config = JSON.parse((await harness.readAppConfig()) ?? '{}') as { roles: { name: string; externalId?: string }[] };
    expect(config.roles.map((r) => [r.name, r.externalId])).toEqual(ENVS.map((env) => [env, ownExternalId(env)]));

    // Each trust policy wants its own ID, so each AssumeRole succeeding proves each ID arrived.
    harness.emulator.resetCalls();
    await app.goTo('sessions');
    await app.roleButton('Activate', 'tes').click();
    await app.typeMfaCode(harness.totp());
    await app.mfaDialog.waitFor({ state: 'detached' });
    await poll(() => statusOf(app, 'tes')).toBe('Active');
    await app.roleButton('Activate', 'stg').click();
    await poll(() => statusOf(app, 'stg')).toBe('Active');
    await app.roleButton('Activate', 'prd').click();
    await app.confirmDialog.getByRole('button', { name: 'Switch' }).click();
    await poll(() => statusOf(app, 'prd')).toBe('Active');
    await harness.settle();
    expect(harness.emulator.calls.map((c) => `${c.action} ${c.status}`)).toEqual([
      'GetSessionToken 200',
      'AssumeRole 200',
      'AssumeRole 200',
      'AssumeRole 200',
    ]);
    for (const env of ENVS) {
      expect(await callerArn(harness, env)).toMatch(new RegExp(`^arn:aws:sts::${ACCOUNTS[env]}:assumed-role/${env}-${OWN_ID_ROLE_NAME}/`));
    }
  });
});
