// The tools in the window, against the real core, the emulator and the real keyring: key
// facts and rotation on the Identities view (a code asked inline, the rotated key in IAM and
// the keychain, its secret nowhere in the page), and the console button on Tools, whose
// sign-in URL goes to main's recorded browser port and never to the page.

import { describe, expect, it } from 'vitest';
import { poll } from './harness/poll.js';
import type { RendererPage } from './harness/renderer-page.js';
import { rendererSuite } from './harness/renderer-suite.js';
import { secretsIn, secretsInPlay } from './harness/secret-scan.js';
import { seedRoles, seedSwitchedTo } from './harness/seed.js';
import { ACCOUNTS, HUB_ACCOUNT, USER, USER_ARN } from './harness/sts-world.js';

const suite = rendererSuite();

/** What the page was given: its HTML, the answers to its requests and the views pushed to it. */
async function whatThePageHas(ui: RendererPage): Promise<string> {
  return [await ui.page.content(), JSON.stringify(ui.exchanges.map((e) => e.result)), ui.pushed.join('\n')].join('\n');
}

/** The window switched to tes, on the Tools view. */
async function toolsAfterTes() {
  const opened = await suite.start({ seed: (h) => seedSwitchedTo(h, 'tes') });
  await opened.app.goTo('tools');
  return { ...opened, page: opened.ui.page };
}

describe('key facts and rotation in the window', () => {
  it('shows account, user and age, then rotates with a code asked inline; no secret reaches the page', async () => {
    const { harness, app, ui } = await suite.start({ seed: (h) => seedRoles(h) });
    const { page } = ui;
    await app.goTo('identities');
    await page.getByRole('button', { name: 'Key facts and rotation of dev' }).click();
    const panel = page.getByTestId('key-facts-dev');
    await panel.getByRole('button', { name: 'Show key facts' }).click();
    await poll(() => panel.getByTestId('key-account').innerText()).toBe(HUB_ACCOUNT);
    expect(await panel.getByTestId('key-user').innerText()).toBe(USER_ARN);
    expect(await panel.getByTestId('key-age').innerText()).toMatch(/^0 days \(created /);

    await panel.getByRole('button', { name: 'Rotate key…' }).click();
    await app.confirmDialog.getByRole('button', { name: 'Rotate key…' }).click();
    await panel.locator('#rotate-code-dev').fill(harness.totp());
    await panel.getByRole('button', { name: 'Continue' }).click();
    const keys = () => harness.emulator.accessKeys(USER.userName).map((k) => k.accessKeyId);
    await poll(() => panel.getByTestId('key-notice-dev').innerText()).toMatch(new RegExp(`^dev now uses AKIA\\w+; the old key ${USER.accessKeyId} is deleted\\.$`));
    expect(keys()).toHaveLength(1);
    expect(keys()[0]).not.toBe(USER.accessKeyId);
    await poll(() => panel.getByTestId('key-age').innerText()).toMatch(/^0 days/);

    const secrets = await secretsInPlay(harness);
    expect([...secrets.keys()].some((label) => label.startsWith('secretAccessKey of identity:dev'))).toBe(true);
    expect(secretsIn(await whatThePageHas(ui), secrets)).toEqual([]);
  });
});

describe('the console from the window', () => {
  it('checks the session length as the core does, and main opens the URL: the page never has it', async () => {
    const { harness, ui, page } = await toolsAfterTes();
    await page.locator('#console-target').selectOption('role:tes');
    await page.locator('#console-destination').fill('s3');
    await page.locator('#console-minutes').fill('14');
    await page.getByTestId('console-open').click();
    await poll(() => page.getByTestId('console-problem').innerText()).toMatch(/15 minutes to 12 hours/);
    expect(harness.shell.consoles).toEqual([]);

    await page.locator('#console-minutes').fill('120');
    await page.getByTestId('console-open').click();
    await poll(() => page.getByTestId('console-notice').innerText()).toMatch(
      new RegExp(`^Opened the console in your browser as arn:aws:sts::${ACCOUNTS.tes}:assumed-role/tes-deployer/`),
    );
    expect(harness.shell.consoles).toHaveLength(1);
    const url = new URL(harness.shell.consoles[0] ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`${harness.emulator.url}/federation`);
    expect(url.searchParams.get('Destination')).toBe('https://console.aws.amazon.com/s3/?region=ap-northeast-1');
    const token = url.searchParams.get('SigninToken') ?? '';
    expect(token.length).toBeGreaterThan(20);
    expect(await whatThePageHas(ui)).not.toContain(token);
    // What the browser would do with it: the emulated endpoint signs in as tes for 2 h.
    expect((await fetch(url, { redirect: 'manual' })).status).toBe(302);
    expect(harness.emulator.signins()).toEqual([expect.objectContaining({ consoleSeconds: 7200, destination: 'https://console.aws.amazon.com/s3/?region=ap-northeast-1' })]);
  });
});

describe('decoding an authorization message in the window', () => {
  it('says plainly when the blob is not a message, and when the role may not decode', async () => {
    const { harness, page } = await toolsAfterTes();
    await page.locator('#decode-role').selectOption('tes');
    await page.locator('#decode-message').fill('Encoded authorization failure message: <none>');
    await page.getByTestId('decode-submit').click();
    await poll(() => page.getByTestId('decode-notice').innerText()).toMatch(/not an encoded authorization message/);

    const blob = harness.emulator.encodeAuthorizationMessage({ account: ACCOUNTS.tes, principalArn: 'p', action: 'ec2:RunInstances', resource: '*' });
    await page.locator('#decode-message').fill(`"${blob.slice(0, 80)}\n${blob.slice(80)}"`);
    await page.getByTestId('decode-submit').click();
    await poll(() => page.getByTestId('decode-notice').innerText()).toMatch(/role "tes" may not call sts:DecodeAuthorizationMessage/);
  });
});
