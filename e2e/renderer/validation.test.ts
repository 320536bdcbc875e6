// Bad input in the window: a wrong MFA code, a 5-digit code, a reused code, a bad role ARN, an
// external ID too short and a bad account ID each show the right message where the user is
// looking, and nothing is written: the credentials file, the config and the keychain keep
// their bytes. The form checks are the core's own: main refuses the same values with the
// same sentence.

import { describe, expect, it } from 'vitest';
import { checkAccountId, checkExternalId, checkRoleArn } from '../../electron/contract/sts-limits.js';
import type { AppHarness } from './harness/app-harness.js';
import type { AppWindow } from './harness/app-window.js';
import { poll } from './harness/poll.js';
import { rendererSuite } from './harness/renderer-suite.js';
import { IDENTITY, seedIdentity, seedRoles } from './harness/seed.js';
import { ACCOUNTS, ROLE_NAME, USER } from './harness/sts-world.js';

const suite = rendererSuite();

const SIX_DIGITS = 'An MFA code is exactly 6 digits (0-9). Type the code your device shows now.';
const NOT_ACCEPTED = 'That code was not accepted. Wait for the next code from your device and enter it.';
const ALREADY_USED = 'This code was already used. Wait for the next code from your device.';
const BAD_ARN = 'arn:aws:iam::12345:role/deployer';

/** Everything a refused input must leave as it was. */
async function snapshot(harness: AppHarness): Promise<unknown> {
  return {
    credentials: await harness.readCredentials(),
    config: await harness.readAppConfig(),
    keychain: Object.fromEntries(await harness.keychainItems()),
  };
}

/** Six digits the emulated device is not showing now, nor one step either side. */
function wrongCode(harness: AppHarness): string {
  const valid = new Set([-30_000, 0, 30_000].map((d) => harness.emulator.totp(USER.mfa.serial, harness.time.now() + d)));
  for (let n = 0; ; n += 1) {
    const code = String((271_828 + n * 7919) % 1_000_000).padStart(6, '0');
    if (!valid.has(code)) return code;
  }
}

async function focusedId(app: AppWindow): Promise<string | undefined> {
  return app.page.evaluate(() => document.activeElement?.id);
}

describe('refused input', () => {
  it('MFA codes: 5 digits, a wrong code and reused codes are each refused with their message; nothing is written', async () => {
    const { harness, app, ui } = await suite.start({ seed: seedRoles });
    const { page } = ui;
    const untouched = await snapshot(harness);
    harness.emulator.resetCalls();

    await app.roleButton('Activate', 'tes').click();
    await app.mfaDialog.waitFor();

    // Five digits and Enter: said at once, nothing sent anywhere.
    const asked = ui.exchanges.length;
    await app.typeMfaCode('12345');
    await page.keyboard.press('Enter');
    await poll(() => app.mfaMessage.innerText()).toBe(SIX_DIGITS);
    expect(ui.exchanges.length).toBe(asked);
    expect(harness.emulator.calls).toEqual([]);

    // A wrong code: STS refuses it; the field empties for the next code.
    await app.mfaInput.fill('');
    const wrong = wrongCode(harness);
    await app.typeMfaCode(wrong);
    await poll(() => app.mfaMessage.innerText()).toBe(NOT_ACCEPTED);
    expect(await app.mfaInput.inputValue()).toBe('');
    expect(harness.emulator.calls.map((c) => `${c.action} ${c.status}`)).toEqual(['GetSessionToken 403']);
    await harness.settle();
    expect(await snapshot(harness)).toEqual(untouched);

    // The same code again: the window never sends a code twice.
    const sent = ui.exchanges.length;
    await app.typeMfaCode(wrong);
    await poll(() => app.mfaMessage.innerText()).toBe(ALREADY_USED);
    expect(ui.exchanges.length).toBe(sent);
    expect(harness.emulator.calls).toHaveLength(1);
    await page.getByTestId('mfa-dialog').getByRole('button', { name: 'Cancel' }).click();
    await app.mfaDialog.waitFor({ state: 'detached' });

    // A code already used elsewhere (the tray's own prompt started the MFA session with it)
    // and typed into main's prompt: the core refuses it before STS sees it.
    const used = harness.totp();
    await harness.must('session:activate', { role: 'tes', mfaCode: used });
    const running = await snapshot(harness);
    harness.emulator.resetCalls();
    harness.controller.promptMfa(IDENTITY, 'expiring');
    await harness.settle();
    await app.mfaDialog.waitFor();
    expect(await app.mfaDialog.locator('.mfa-reason').innerText()).toBe(
      'The MFA session of dev ends soon. Enter a code to keep your roles renewed.',
    );
    await app.typeMfaCode(used);
    await poll(() => app.mfaMessage.innerText()).toBe(NOT_ACCEPTED);
    const refusal = ui.exchanges.at(-1);
    expect(refusal?.channel).toBe('mfa:submit');
    expect(refusal?.result).toMatchObject({ ok: false, error: { code: 'invalid-mfa', message: expect.stringMatching(/already used/) } });
    await harness.settle();
    expect(harness.emulator.calls).toEqual([]);
    expect(await snapshot(harness)).toEqual(running);
  });

  it('a bad role ARN is marked at its field with the core’s sentence; the config keeps its bytes', async () => {
    const { harness, app, ui } = await suite.start({ seed: seedIdentity });
    const { page } = ui;
    const untouched = await snapshot(harness);
    await app.goTo('roles');

    const form = page.getByTestId('role-form');
    await form.locator('#role-name').fill('bad');
    await form.locator('#role-arnMode-arn').check();
    await form.locator('#role-roleArn').fill(BAD_ARN);
    await form.getByRole('button', { name: 'Add role' }).click();
    await poll(() => app.fieldError('role-roleArn').innerText()).toBe(checkRoleArn(BAD_ARN));
    expect(await form.locator('#role-roleArn').getAttribute('aria-invalid')).toBe('true');
    await poll(() => focusedId(app)).toBe('role-roleArn');

    // Main refuses the same value with the same sentence, at the same field.
    const answer = await page.evaluate(
      (roleArn) => window.stsTray.invoke('role:save', { role: { name: 'bad', identity: 'dev', roleArn } }),
      BAD_ARN,
    );
    expect(answer).toEqual({ ok: false, error: { code: 'validation', message: checkRoleArn(BAD_ARN), field: 'role.roleArn' } });
    await harness.settle();
    expect(await snapshot(harness)).toEqual(untouched);
  });

  it('an external ID too short and a bad account ID are marked at their fields; no role is added', async () => {
    const { harness, app, ui } = await suite.start({ seed: seedIdentity });
    const { page } = ui;
    const untouched = await snapshot(harness);
    const asked = ui.exchanges.length;
    await app.goTo('roles');

    const shortAccount = ACCOUNTS.tes.slice(1);
    await app.fillQuick({ roleName: ROLE_NAME, accounts: { tes: shortAccount, stg: ACCOUNTS.stg }, externalId: 'x' });
    await app.submitQuick();
    await poll(() => app.fieldError('quick-tes').innerText()).toBe(checkAccountId(shortAccount));
    expect(await app.fieldError('quick-externalId').innerText()).toBe(checkExternalId('x'));
    expect(await app.fieldError('quick-stg').count()).toBe(0);
    await poll(() => focusedId(app)).toBe('quick-tes');
    expect(ui.exchanges.slice(asked).map((e) => e.channel)).not.toContain('role:add-environments');

    // No account at all: the message belongs to the three fields together, and their group names it.
    await app.fillQuick({ roleName: ROLE_NAME, accounts: { tes: '', stg: '' }, externalId: 'ext-id-0001' });
    await app.submitQuick();
    await poll(() => app.fieldError('quick-accounts').count()).toBe(1);
    const group = page.locator('fieldset', { has: page.locator('#quick-tes') });
    expect(await group.getAttribute('aria-describedby')).toBe('quick-accounts-error');
    expect(await page.locator('#quick-accounts-error').count()).toBe(1);
    expect(ui.exchanges.slice(asked).map((e) => e.channel)).not.toContain('role:add-environments');

    const refuse = (accounts: Record<string, string>, externalId?: string) =>
      page.evaluate(
        ([a, x]) =>
          window.stsTray.invoke('role:add-environments', {
            identity: 'dev',
            roleName: 'deployer',
            accounts: a,
            mfa: true,
            ...(x === undefined ? {} : { externalId: x }),
          }),
        [accounts, externalId] as const,
      );
    expect(await refuse({ tes: shortAccount })).toEqual({
      ok: false,
      error: { code: 'validation', message: checkAccountId(shortAccount), field: 'accounts.tes' },
    });
    expect(await refuse({ tes: ACCOUNTS.tes }, 'x')).toEqual({
      ok: false,
      error: { code: 'validation', message: checkExternalId('x'), field: 'externalId' },
    });
    await harness.settle();
    expect(await snapshot(harness)).toEqual(untouched);
    await app.goTo('sessions');
    await page.getByTestId('sessions-empty').waitFor();
  });
});
