// IAM Identity Center in the window, in Debian's Chromium over the very handlers main
// registers: a sign-in added from its start URL, signed in through the page main opens
// (approved in a second Chromium context, as in the person's browser) while the window shows
// the code, its roles found and added with an environment changed by hand, then a switch
// from the window that the real AWS CLI reads.

import { describe, expect, it } from 'vitest';
import { poll } from '../renderer/harness/poll.js';
import { rendererSuite } from '../renderer/harness/renderer-suite.js';
import { SSO_REGION } from './sso-world.js';

const suite = rendererSuite();

describe('IAM Identity Center in the window', () => {
  it('from a start URL to a switch the AWS CLI reads, with the code shown while the browser approves', async () => {
    const { harness, app, ui } = await suite.start();
    const { page } = ui;
    await app.goTo('identities');
    const section = page.getByTestId('sso-section');
    await section.locator('#sso-name').fill('myco');
    // A start URL the contract refuses: main's sentence under the field, nothing saved.
    await section.locator('#sso-startUrl').fill('ftp://myco.awsapps.com/start');
    await section.locator('#sso-region').fill(SSO_REGION);
    await section.getByRole('button', { name: 'Add', exact: true }).click();
    await poll(() => app.fieldError('sso-startUrl').innerText()).toBe('a start URL starts with https://');
    expect(await page.getByTestId('sso-notice').innerText()).toBe('Check the marked fields.');
    expect((await harness.readAppConfig()) ?? '').not.toMatch(/myco/);
    await section.locator('#sso-startUrl').fill(harness.sso.startUrl);
    expect(await app.fieldError('sso-startUrl').count()).toBe(0);
    await section.getByRole('button', { name: 'Add', exact: true }).click();
    await poll(() => page.getByTestId('sso-notice').innerText()).toBe('Added myco. Sign in next.');
    expect(await section.locator('[data-sso="myco"]').getByTestId('sso-signed-in').innerText()).toBe('Not signed in');

    // Sign in: main opens the page; the window shows the code to compare.
    await section.locator('[data-sso="myco"]').getByRole('button', { name: 'Sign in' }).click();
    await poll(() => harness.shell.opened.length).toBe(1);
    const code = await page.getByTestId('sso-user-code').innerText();
    expect(harness.shell.opened[0]).toContain(code);
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser');
    const portal = await browser.newContext();
    const approval = await portal.newPage();
    await approval.goto(harness.shell.opened[0] ?? '');
    expect(await approval.textContent('#user-code')).toBe(code);
    await approval.click('#allow');
    await approval.waitForSelector('#result');
    await portal.close();
    await harness.advance(2_000);
    await poll(() => page.getByTestId('sso-pending').count()).toBe(0);
    await poll(() => section.locator('[data-sso="myco"]').getByTestId('sso-signed-in').innerText()).toMatch(/left$/);

    // Its roles, tes/stg/prd guessed; one moved to prd by hand, one left out.
    await section.getByRole('button', { name: 'Find roles' }).click();
    const found = page.getByTestId('sso-found');
    await found.waitFor();
    expect(await found.locator('tr[data-found]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-found')))).toEqual([
      'myco-tes-AdministratorAccess',
      'myco-tes-ReadOnlyAccess',
      'myco-stg-ReadOnlyAccess',
      'myco-prd-ReadOnlyAccess',
    ]);
    expect(await found.getByLabel('Environment of myco-stg-ReadOnlyAccess').inputValue()).toBe('stg');
    await found.getByLabel('Environment of myco-tes-ReadOnlyAccess').selectOption('prd');
    await found.getByLabel('Add myco-tes-AdministratorAccess').uncheck();
    await found.getByRole('button', { name: 'Add the chosen roles' }).click();
    await poll(() => page.getByTestId('sso-notice').innerText()).toBe('Added 3 role(s).');
    const config = JSON.parse((await harness.readAppConfig()) ?? '{}') as { roles: { name: string; env: string; identity: string }[] };
    expect(config.roles.map((r) => [r.name, r.env, r.identity])).toEqual([
      ['myco-tes-ReadOnlyAccess', 'prd', 'myco'],
      ['myco-stg-ReadOnlyAccess', 'stg', 'myco'],
      ['myco-prd-ReadOnlyAccess', 'prd', 'myco'],
    ]);

    // A switch from the Sessions view, no code asked; the AWS CLI is the role.
    await app.goTo('sessions');
    await app.roleButton('Activate', 'myco-stg-ReadOnlyAccess').click();
    await poll(() => page.getByTestId('activation-notice').innerText()).toMatch(/^Switched to myco-stg-ReadOnlyAccess/);
    await harness.settle();
    const { stdout } = await harness.awsCli(['sts', 'get-caller-identity', '--profile', 'myco-stg-ReadOnlyAccess']);
    expect((JSON.parse(stdout) as { Account: string }).Account).toBe('333333333333');
    expect(await app.mfaDialog.count()).toBe(0);
  });
});
