// The first run (empty state, onboarding to the first identity,
// by keyboard alone) and adding an identity, whose secret can then not be read back through
// any channel, any event, the page or its storage.

import { describe, expect, it } from 'vitest';
import { REQUEST_CHANNELS, type RequestChannel, type RequestOf } from '../../electron/contract/channels.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/app-protocol.js';
import type { AppHarness } from './harness/app-harness.js';
import { poll } from './harness/poll.js';
import { rendererSuite } from './harness/renderer-suite.js';
import { secretsIn, secretsInPlay } from './harness/secret-scan.js';
import { IDENTITY, seedEnvironmentRoles } from './harness/seed.js';
import { ACCOUNTS, HUB_ACCOUNT, REGION, USER, USER_ARN } from './harness/sts-world.js';

const suite = rendererSuite();

const IDENTITY_INPUT = {
  name: IDENTITY,
  accessKeyId: USER.accessKeyId,
  secretAccessKey: USER.secretAccessKey,
  mfaSerial: USER.mfa.serial,
  region: REGION,
};

describe('first run', () => {
  it('shows the empty state and leads, by keyboard alone, to the first identity', async () => {
    const { harness, app, ui } = await suite.start();
    const { page } = ui;

    // Empty state: a welcome in the window, an empty tray menu, nothing written anywhere.
    await page.getByTestId('onboarding').waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Welcome to sts-tray');
    // Served by main's protocol handler, with its CSP; the page's only way out is window.stsTray, with exactly invoke and on (as the preload gives).
    expect(ui.documentHeaders()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.evaluate(() => Object.keys(window.stsTray))).toEqual(['invoke', 'on']);
    expect(await page.evaluate(() => Object.keys(window).filter((k) => /sts/i.test(k)))).toEqual(['stsTray']);
    expect(harness.shell.tray.menu.map((e) => (e.type === 'separator' ? '—' : e.label))).toEqual([
      'No roles yet: open sts-tray to add an identity',
      '—',
      'Open sts-tray…',
      '—',
      'Quit',
    ]);
    expect(harness.shell.tray.tooltip).toBe('sts-tray: no active role');
    expect(harness.shell.tray.image).toBe('/assets/tray-none-ok.png');
    await app.goTo('roles');
    await page.getByTestId('roles-need-identity').waitFor();
    await app.goTo('sessions');

    // The onboarding button opens the identity form with the focus in its first field.
    await page.getByTestId('onboarding-start').focus();
    await page.keyboard.press('Enter');
    await page.locator('#identities-title').waitFor();
    expect(await app.tab('identities').getAttribute('aria-current')).toBe('page');
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('identity-name');

    // Keyboard only: type, Tab to the next field, Enter sends the form.
    for (const value of [IDENTITY, USER.accessKeyId, USER.secretAccessKey, USER.mfa.serial]) {
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type(REGION);
    await page.keyboard.press('Enter');

    const notice = page.getByTestId('identity-notice');
    await poll(() => notice.innerText()).toBe(`Verified: account ${HUB_ACCOUNT}, ${USER_ARN}`);
    await harness.settle();
    const row = page.locator('[data-identity="dev"]');
    expect(await row.getByTestId('identity-key').innerText()).toBe('AKIA…0001');
    expect(await page.locator('#identity-secretAccessKey').inputValue()).toBe('');

    // The config names the identity; only the keychain holds the secret.
    const config = (await harness.readAppConfig()) ?? '';
    expect(JSON.parse(config)).toMatchObject({ identities: [{ name: IDENTITY, accessKeyId: USER.accessKeyId, region: REGION }] });
    expect(config).not.toContain(USER.secretAccessKey);
    const keychain = await harness.keychainItems();
    expect([...keychain.keys()]).toEqual(['identity:dev']);
    expect(keychain.get('identity:dev')).toContain(USER.secretAccessKey);
    expect(await harness.readCredentials()).toBeNull();

    // The next step is the roles.
    await page.getByRole('button', { name: 'Go to Roles' }).click();
    await page.getByTestId('quick-form').waitFor();
  });
});

describe('adding an identity', () => {
  it('says clearly when the key is wrong, stores nothing, then verifies the right one and shows account and ARN', async () => {
    const { harness, app, ui } = await suite.start();
    const { page } = ui;
    await app.goTo('identities');

    await app.fillIdentity({ ...IDENTITY_INPUT, secretAccessKey: 'fake-secret-wrong-0000000000000000000000001' });
    await app.submitIdentity();
    const notice = page.getByTestId('identity-notice');
    await poll(() => notice.innerText()).toBe('Check the marked fields.');
    expect(await notice.getAttribute('role')).toBe('alert');
    // STS's refusal sits at the secret, to be typed again: it has the focus, and the message is
    // its description, so a screen reader reads the two together.
    const secretField = page.locator('#identity-secretAccessKey');
    expect(await app.fieldError('identity-secretAccessKey').innerText()).toMatch(/^The access key was not accepted: /);
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('identity-secretAccessKey');
    expect(await secretField.getAttribute('aria-invalid')).toBe('true');
    expect(await secretField.getAttribute('aria-describedby')).toContain('identity-secretAccessKey-error');
    expect(await secretField.inputValue()).toBe('');
    expect(await harness.readAppConfig()).toBeNull();
    expect((await harness.keychainItems()).size).toBe(0);

    await page.locator('#identity-secretAccessKey').fill(USER.secretAccessKey);
    await app.submitIdentity();
    await poll(() => notice.innerText()).toBe(`Verified: account ${HUB_ACCOUNT}, ${USER_ARN}`);
    expect(await page.locator('[data-identity="dev"]').getByTestId('identity-key').innerText()).toBe('AKIA…0001');
  });

  it('never gives the secret, a session key or a token back: no channel, event, page text or storage has them', async () => {
    const { harness, app, ui } = await suite.start();
    const { page } = ui;
    await app.goTo('identities');
    await app.fillIdentity(IDENTITY_INPUT);
    await app.submitIdentity();
    await poll(() => page.getByTestId('identity-notice').innerText()).toMatch(/^Verified: /);

    // Sessions exist too: an MFA session in the keychain and [tes] in the credentials file.
    await seedEnvironmentRoles(harness);
    await harness.must('session:activate', { role: 'tes', mfaCode: harness.totp() });
    const secrets = new Map(await secretsInPlay(harness));
    expect(secrets.size, 'secret, MFA session and [tes] keys').toBeGreaterThanOrEqual(7);

    // Every request channel, asked from the page as the renderer asks.
    const answers: string[] = [];
    const ask = async (channel: RequestChannel, payload: unknown) => {
      // Sent exactly as the renderer sends it; the types are checked in everyChannel().
      const result = await page.evaluate(([c, p]) => window.stsTray.invoke(c as 'state:get', p as never), [channel, payload] as const);
      answers.push(JSON.stringify(result));
    };
    const asked = new Set<RequestChannel>();
    for (const [channel, request] of Object.entries(everyChannel(harness)) as [RequestChannel, () => Promise<unknown>][]) {
      asked.add(channel);
      const payload = await request();
      await ask(channel, payload);
      // Keys written by the calls (a renewal, a new MFA session, a rotated key) must not leak either.
      // Work a request leaves running (a sign-in waiting for approval, its view reads) ends
      // first: its keychain writes are searched too, and the keyring is not listed mid-read.
      await harness.settle();
      for (const [label, value] of await secretsInPlay(harness)) secrets.set(label, value);
      for (const [i, url] of harness.shell.consoles.entries()) {
        secrets.set(`console URL ${i}`, url);
        secrets.set(`sign-in token ${i}`, new URL(url).searchParams.get('SigninToken') ?? url);
      }
    }
    expect([...asked].sort()).toEqual([...REQUEST_CHANNELS].sort());
    // The IAM Identity Center sign-in's tokens and client secret were among those searched for.
    expect([...secrets.keys()].filter((k) => /of sso-(token|client):myco/.test(k)).sort()).toEqual([
      'accessToken of sso-token:myco (keychain)',
      'clientSecret of sso-client:myco (keychain)',
      'refreshToken of sso-token:myco (keychain)',
    ]);
    // The rotation made a new long-lived key, and the console a sign-in URL: both are searched for.
    expect([...secrets.keys()]).toEqual(expect.arrayContaining(['secretAccessKey of identity:dev (keychain)', 'console URL 0']));
    expect(answers.some((a) => a.includes('"ok":true'))).toBe(true);
    await harness.settle();

    // Everything that reached the page: answers, events, the DOM, form values, storage.
    await app.goTo('activity');
    const html = await page.content();
    await app.goTo('identities');
    const fieldValues = await page.evaluate(() =>
      [...document.querySelectorAll('input, textarea, select')].map((e) => (e as HTMLInputElement).value).join('\n'),
    );
    const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie }));
    const reached = {
      answers: answers.join('\n'),
      exchanges: JSON.stringify(ui.exchanges.map((e) => e.result)),
      events: ui.pushed.join('\n'),
      html,
      fieldValues,
      storage,
    };
    for (const [where, text] of Object.entries(reached)) expect(secretsIn(text, secrets), where).toEqual([]);
    expect(ui.pushed.length).toBeGreaterThan(0);
    // The search does find a secret where one is: the identity:add request carried it in.
    expect(secretsIn(JSON.stringify(ui.exchanges.map((e) => e.payload)), secrets)).toEqual(['long-lived secret access key']);
  });
});

/** A request for every channel, in an order that leaves each one something to do. */
function everyChannel(harness: AppHarness): { [C in RequestChannel]: () => Promise<RequestOf<C>> } {
  const tesRole = async () => {
    const view = await harness.controller.view();
    const tes = view.roles.find((r) => r.role.name === 'tes');
    if (!tes) throw new Error('no tes role');
    return tes.role;
  };
  return {
    'state:get': async () => ({}),
    'session:activate': async () => ({ role: 'stg' }),
    'session:renew': async () => ({ role: 'stg' }),
    'exports:copy': async () => ({ role: 'stg', format: 'json' }),
    'role:save': async () => ({ role: await tesRole(), previousName: 'tes' }),
    'role:add-environments': async () => ({ identity: IDENTITY, roleName: 'reader', accounts: { tes: ACCOUNTS.tes }, mfa: true }),
    'role:remove': async () => ({ name: 'tes-reader' }),
    // The device's next code: a fresh MFA session, whose keys join the secrets searched for.
    'mfa:submit': async () => ({ identity: IDENTITY, code: await harness.nextTotp() }),
    'mfa:dismiss': async () => ({}),
    'preferences:set': async () => ({ preferences: (await harness.controller.view()).preferences }),
    'session:sign-out': async () => ({ role: 'stg' }),
    // Our own [tes] is in the credentials file: the plan lists it as written by sts-tray.
    'import:plan': async () => ({}),
    'import:apply': async () => ({ environments: [], credentialProcess: false, removePlaintext: false }),
    // A new key for the identity: the request carries the secret, the answer must not.
    'identity:add': async () => ({
      identity: { name: IDENTITY, accessKeyId: USER.accessKeyId, mfaSerial: USER.mfa.serial, region: REGION },
      secretAccessKey: USER.secretAccessKey,
      replace: true,
    }),
    // Refused (roles use it); the refusal is searched too.
    'identity:remove': async () => ({ name: IDENTITY }),
    'sso:add': async () => ({ identity: { name: 'myco', startUrl: harness.sso.startUrl, region: harness.sso.region } }),
    'sso:sign-in': async () => ({ name: 'myco' }),
    // Approved first, so its tokens are in the keychain and among the secrets searched for.
    'sso:cancel-sign-in': async () => {
      harness.sso.approve(harness.sso.userCodes().at(-1) ?? '');
      await harness.advance(2_000);
      return {};
    },
    'sso:discover': async () => ({ name: 'myco' }),
    'sso:add-roles': async () => ({ name: 'myco', roles: [{ accountId: ACCOUNTS.tes, roleName: 'ReadOnlyAccess', env: 'tes', name: 'myco-tes' }] }),
    'sso:sign-out': async () => ({ name: 'myco' }),
    // Refused (myco-tes uses it).
    'sso:remove': async () => ({ name: 'myco' }),
    'identity:facts': async () => ({ name: IDENTITY }),
    // Main opens the console; the sign-in URL (and its token) joins the secrets searched for.
    'console:open': async () => ({ name: 'stg', mfaCode: await harness.nextTotp() }),
    'authorization:decode': async () => ({
      role: 'stg',
      message: harness.emulator.encodeAuthorizationMessage({ account: ACCOUNTS.stg, principalArn: 'p', action: 's3:GetObject', resource: '*' }),
    }),
    // Last: a new key, whose secret joins the secrets searched for.
    'identity:rotate': async () => ({ name: IDENTITY, mfaCode: await harness.nextTotp() }),
  };
}
