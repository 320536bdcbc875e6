// Role chaining from the window: a role added with another role as its source (the form
// refuses a chained duration over 1 h at the field, as the core does), listed with its
// source, and activated on the source's live session — no code asked, one AssumeRole, the
// real AWS CLI acting as the chained role.

import { describe, expect, it } from 'vitest';
import { poll } from './harness/poll.js';
import { rendererSuite } from './harness/renderer-suite.js';
import { seedSwitchedTo } from './harness/seed.js';
import { ACCOUNTS, CHAINED_ROLE_ARN } from './harness/sts-world.js';

const suite = rendererSuite();

describe('role chaining in the window', () => {
  it('adds a role assumed with tes’s session and switches to it without a code, on tes’s live session', async () => {
    const { harness, app, ui } = await suite.start({ seed: (h) => seedSwitchedTo(h, 'tes') });
    const { page } = ui;
    await app.goTo('roles');
    const form = page.getByTestId('role-form');
    await form.locator('#role-name').fill('auditor');
    await form.locator('#role-env').selectOption('other');
    await form.locator('#role-sourceRole').selectOption('tes');
    // A chained role asks no code of its own, and no identity: both come from the chain's root.
    expect(await form.locator('#role-mfa').count()).toBe(0);
    expect(await form.locator('#role-identity').count()).toBe(0);
    expect(await form.getByTestId('role-mfa-at-root').innerText()).toContain('tes');
    await form.locator('#role-accountId').fill(ACCOUNTS.prd);
    await form.locator('#role-roleName').fill('prd-auditor');
    await form.locator('#role-durationSeconds').fill('7200');
    await form.getByRole('button', { name: 'Add role' }).click();
    await poll(() => app.fieldError('role-durationSeconds').innerText()).toContain('3600 seconds (1 h)');
    expect(JSON.parse((await harness.readAppConfig()) ?? '{}').roles).toHaveLength(3);

    await form.locator('#role-durationSeconds').fill('3600');
    await form.getByRole('button', { name: 'Add role' }).click();
    await poll(() => page.getByTestId('roles-notice').innerText()).toBe('Added auditor.');
    const config = JSON.parse((await harness.readAppConfig()) ?? '{}') as { roles: Record<string, unknown>[] };
    expect(config.roles.at(-1)).toEqual(
      expect.objectContaining({ name: 'auditor', identity: 'dev', sourceRole: 'tes', mfa: false, durationSeconds: 3600, roleArn: CHAINED_ROLE_ARN }),
    );
    expect(await page.getByTestId('roles-table').locator('tr[data-role="auditor"]').innerText()).toContain('dev via tes');
    // Editing tes offers no source that would close a cycle (auditor is chained from tes).
    await page.getByRole('button', { name: 'Edit tes', exact: true }).click();
    await poll(() => form.locator('#role-name').inputValue()).toBe('tes');
    expect(await form.locator('#role-sourceRole option').allInnerTexts()).toEqual([
      'The identity’s key or MFA session',
      'The session of role stg (role chaining)',
      'The session of role prd (role chaining)',
    ]);
    await form.getByRole('button', { name: 'Cancel' }).click();

    await app.goTo('sessions');
    harness.emulator.resetCalls();
    await app.roleButton('Activate', 'auditor').click();
    await poll(() => page.getByTestId('activation-notice').innerText()).toMatch(
      /^Switched to auditor as arn:aws:sts::444444444444:assumed-role\/prd-auditor\/\S+\.$/,
    );
    expect(await app.mfaDialog.count()).toBe(0);
    // tes's session is live in the app: the chain costs one AssumeRole, signed with it.
    expect(harness.emulator.calls.map((c) => `${c.action} ${c.status}`)).toEqual(['AssumeRole 200']);
    await harness.settle();
    await poll(() => app.session('auditor').getByTestId('session-status').innerText()).toBe('Active');
    const { stdout } = await harness.awsCli(['sts', 'get-caller-identity', '--profile', 'auditor']);
    expect((JSON.parse(stdout) as { Arn: string }).Arn).toMatch(/^arn:aws:sts::444444444444:assumed-role\/prd-auditor\//);
  });
});
