// Import from the window, in Chromium against the real core, keychain and files: a HOME with a
// hand-written ~/.aws (two users' keys, tes/stg/prd role profiles, a chain, an SSO profile,
// comments) goes through the onboarding's import with one environment changed and both
// options on. Afterwards the keys are in the keychain only, the credentials file lost exactly
// their lines, and the real AWS CLI acts as imported roles through credential_process, which
// runs the built CLI. Also the role form's credential_process switch.

import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_ENTRY } from '../cli/run-cli-process.js';
import { fakeMfaUser } from '../rig/sts-emulator/fixtures.js';
import type { AppHarness } from './harness/app-harness.js';
import { poll } from './harness/poll.js';
import { rendererSuite } from './harness/renderer-suite.js';
import { secretsIn, secretsInPlay } from './harness/secret-scan.js';
import { seedIdentity } from './harness/seed.js';
import { ACCOUNTS, CHAINED_ROLE_ARN, EXTERNAL_ID, HUB_ACCOUNT, USER, assumedRolePattern, roleArn } from './harness/sts-world.js';

const suite = rendererSuite();

/** A second IAM user, with a role of its own whose name says nothing of its environment. */
const OPS = fakeMfaUser('ops', 'importops');
const RELEASE_ARN = `arn:aws:iam::${ACCOUNTS.stg}:role/release-manager`;
const WORLD = {
  users: [OPS],
  roles: [{ arn: RELEASE_ARN, trustedUsers: [`arn:aws:iam::${HUB_ACCOUNT}:user/${OPS.userName}`] }],
};
/** Someone's leftover temporary key: not imported, and as secret as any. */
const TEMP = { id: 'ASIAFAKETEMPORARY001', secret: 'fake-secret-temporary-0000000000000000001', token: 'fake-token-temporary-0001' };

const CREDENTIALS = `# long-lived keys, to be moved into the keychain
[dev]
aws_access_key_id = ${USER.accessKeyId}
aws_secret_access_key = ${USER.secretAccessKey}

; the operations user
[ops]
aws_access_key_id = ${OPS.accessKeyId}
aws_secret_access_key = ${OPS.secretAccessKey}
region = ap-northeast-1

[legacy-temp]
aws_access_key_id = ${TEMP.id}
aws_secret_access_key = ${TEMP.secret}
aws_session_token = ${TEMP.token}
`;

/** The credentials file once both keys are in the keychain: only their lines are gone. */
const CREDENTIALS_AFTER = `# long-lived keys, to be moved into the keychain
[dev]

; the operations user
[ops]
region = ap-northeast-1

[legacy-temp]
aws_access_key_id = ${TEMP.id}
aws_secret_access_key = ${TEMP.secret}
aws_session_token = ${TEMP.token}
`;

const role = (env: 'tes' | 'stg' | 'prd', extra = '') =>
  `[profile ${env}-repository]\nrole_arn = ${roleArn(env)}\nsource_profile = dev\nmfa_serial = ${USER.mfa.serial}\n${extra}`;

/** Sections import leaves alone, byte for byte. */
const KEPT = [
  '# AWS CLI config, written by hand\n[default]\nregion = ap-northeast-1\noutput = json\n',
  `[profile dev]\nregion = ap-northeast-1\nmfa_serial = ${USER.mfa.serial}\n`,
  `# an audit role assumed from tes's session\n[profile tes-auditor]\nrole_arn = ${CHAINED_ROLE_ARN}\nsource_profile = tes-repository\n`,
  '[profile sso-admin]\nsso_start_url = https://sso.example.invalid/start\nsso_region = ap-northeast-1\nsso_account_id = 111111111111\nsso_role_name = AdministratorAccess\n',
];

const CONFIG = [
  KEPT[0],
  KEPT[1],
  '; tes / stg / prd, each in its own account',
  role('tes', `external_id = ${EXTERNAL_ID}\nrole_session_name = dev-at-tes\n`),
  role('stg'),
  role('prd'),
  `[profile release]\nrole_arn = ${RELEASE_ARN}\nsource_profile = ops\n`,
  KEPT[2],
  KEPT[3],
].join('\n');

async function writeAwsFiles(harness: AppHarness): Promise<void> {
  await mkdir(dirname(harness.paths.config), { recursive: true, mode: 0o700 });
  for (const [path, text] of [
    [harness.paths.config, CONFIG],
    [harness.paths.credentials, CREDENTIALS],
  ] as const) {
    await writeFile(path, text, { mode: 0o600 });
    await chmod(path, 0o600);
  }
}

const arnOf = (stdout: string) => (JSON.parse(stdout) as { Arn: string }).Arn;

describe('import in the window', () => {
  it('imports from the onboarding: keys verified into the keychain, key lines removed, roles served through credential_process', async () => {
    const { harness, app, ui } = await suite.start({ harness: { world: WORLD }, seed: writeAwsFiles });
    const { page } = ui;

    await page.getByTestId('onboarding-import').click();
    const view = page.getByTestId('import-view');
    await view.getByTestId('import-roles').waitFor();
    expect(await view.innerText()).toContain(`sts-tray read ${harness.paths.config} and ${harness.paths.credentials}.`);

    // The plan: identities with masked keys and the MFA device from [profile dev].
    const identity = (name: string) => view.locator(`[data-import-identity="${name}"]`);
    const masked = (id: string) => `${id.slice(0, 4)}…${id.slice(-4)}`;
    expect(await identity('dev').innerText()).toContain(masked(USER.accessKeyId));
    expect(await identity('dev').innerText()).toContain(USER.mfa.serial);
    expect(await identity('ops').innerText()).toContain(masked(OPS.accessKeyId));
    expect(await identity('ops').getByTestId('import-state').innerText()).toBe('Will be created');
    // Roles with what the files say, and the guessed environment to change.
    const row = (name: string) => view.locator(`[data-import-role="${name}"]`);
    const tes = await row('tes-repository').innerText();
    for (const part of [roleArn('tes'), EXTERNAL_ID, 'dev-at-tes', '3600', 'ap-northeast-1', 'MFA', 'config line 11', 'Will be created']) expect(tes).toContain(part);
    expect(await row('release').innerText()).toContain('ops\nno MFA');
    expect(await view.locator('[data-import-role] select').evaluateAll((s) => s.map((e) => [e.id, (e as HTMLSelectElement).value]))).toEqual([
      ['import-env-tes-repository', 'tes'],
      ['import-env-stg-repository', 'stg'],
      ['import-env-prd-repository', 'prd'],
      ['import-env-release', 'other'],
    ]);
    // What is left alone, each with why.
    const skipped = view.getByTestId('import-not-imported');
    const why = (profile: string) => skipped.locator(`[data-profile="${profile}"]`).innerText();
    expect(await why('tes-auditor')).toContain('is itself a role profile (a role chain); chains are not imported');
    expect(await why('sso-admin')).toContain('it signs in through IAM Identity Center (account 111111111111, role AdministratorAccess), which import leaves as it is');
    expect(await why('legacy-temp')).toContain('its key is temporary');
    expect(await why('default')).toContain('it holds no access key');
    // Both options start off.
    expect(await page.locator('#import-credentialProcess').isChecked()).toBe(false);
    expect(await page.locator('#import-removePlaintext').isChecked()).toBe(false);

    await page.locator('#import-env-release').selectOption('stg');
    await page.locator('#import-credentialProcess').check();
    await page.locator('#import-removePlaintext').check();
    await view.getByRole('button', { name: 'Import', exact: true }).click();

    const outcomes = view.getByTestId('import-outcomes');
    await outcomes.waitFor();
    await harness.settle();
    expect(await outcomes.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-outcome')))).toEqual([
      'identity dev created',
      'identity ops created',
      'role tes-repository switched',
      'role stg-repository switched',
      'role prd-repository switched',
      'role release switched',
      'identity dev plaintext-removed',
      'identity ops plaintext-removed',
    ]);
    expect(await page.getByTestId('import-notice').innerText()).toBe('Import finished.');
    // Each key was verified with STS before it was stored.
    expect(harness.emulator.calls.filter((c) => c.action === 'GetCallerIdentity').length).toBe(2);

    const config = JSON.parse((await harness.readAppConfig()) ?? '{}') as { identities: unknown[]; roles: unknown[] };
    expect(config.identities).toEqual([
      expect.objectContaining({ name: 'dev', accessKeyId: USER.accessKeyId, mfaSerial: USER.mfa.serial }),
      expect.objectContaining({ name: 'ops', accessKeyId: OPS.accessKeyId, region: 'ap-northeast-1' }),
    ]);
    expect(config.roles).toEqual([
      expect.objectContaining({ name: 'tes-repository', env: 'tes', identity: 'dev', mfa: true, externalId: EXTERNAL_ID, sessionName: 'dev-at-tes', credentialProcess: true }),
      expect.objectContaining({ name: 'stg-repository', env: 'stg', identity: 'dev', mfa: true, credentialProcess: true }),
      expect.objectContaining({ name: 'prd-repository', env: 'prd', identity: 'dev', mfa: true, credentialProcess: true }),
      expect.objectContaining({ name: 'release', env: 'stg', identity: 'ops', mfa: false, credentialProcess: true }),
    ]);
    const keychain = await harness.keychainItems();
    expect([...keychain.keys()].sort()).toEqual(['identity:dev', 'identity:ops']);
    expect(keychain.get('identity:dev')).toContain(USER.secretAccessKey);
    expect(keychain.get('identity:ops')).toContain(OPS.secretAccessKey);

    // The credentials file lost the two keys' lines and nothing else.
    expect(await harness.readCredentials()).toBe(CREDENTIALS_AFTER);
    // The config file: the role profiles run the built CLI; every other section is as it was.
    const awsConfig = await readFile(harness.paths.config, 'utf8');
    for (const section of KEPT) expect(awsConfig).toContain(section);
    expect(awsConfig).toContain('; tes / stg / prd, each in its own account\n');
    for (const name of ['tes-repository', 'stg-repository', 'prd-repository', 'release']) {
      expect(awsConfig).toContain(`[profile ${name}]\n# managed by sts-tray (role ${name})`);
      expect(awsConfig).toContain(`credential_process = ${process.execPath} ${CLI_ENTRY} credential-process ${name}\n`);
    }
    expect(awsConfig).not.toMatch(/source_profile = (dev|ops)\n/);

    // Nothing secret reached the window: answers, events, the page, its fields.
    const secrets = new Map([
      ...(await secretsInPlay(harness)),
      ['ops secret access key', OPS.secretAccessKey],
      ['temporary secret (not imported)', TEMP.secret],
      ['temporary token (not imported)', TEMP.token],
    ]);
    const fieldValues = await page.evaluate(() => [...document.querySelectorAll('input, select')].map((e) => (e as HTMLInputElement).value).join('\n'));
    const reached = {
      exchanges: JSON.stringify(ui.exchanges.map((e) => [e.payload, e.result])),
      events: ui.pushed.join('\n'),
      html: await page.content(),
      fieldValues,
    };
    for (const [where, text] of Object.entries(reached)) expect(secretsIn(text, secrets), where).toEqual([]);
    // Not even a whole access key ID.
    for (const id of [USER.accessKeyId, OPS.accessKeyId, TEMP.id]) expect(reached.exchanges + reached.html).not.toContain(id);

    await view.getByRole('button', { name: 'Close' }).click();
    await app.session('tes-repository').waitFor();

    // The real AWS CLI as imported roles, through credential_process: the built CLI reads the
    // keychain (dev's MFA session, ops's key) and asks STS; nothing goes to the credentials file.
    await harness.must('mfa:submit', { identity: 'dev', code: harness.totp() });
    const asTes = await harness.awsCli(['sts', 'get-caller-identity', '--profile', 'tes-repository']);
    expect(arnOf(asTes.stdout)).toMatch(assumedRolePattern('tes'));
    const asRelease = await harness.awsCli(['sts', 'get-caller-identity', '--profile', 'release']);
    expect(arnOf(asRelease.stdout)).toMatch(/^arn:aws:sts::333333333333:assumed-role\/release-manager\//);
    expect(await harness.readCredentials()).toBe(CREDENTIALS_AFTER);
  });
});

describe('the role form’s credential_process switch', () => {
  it('writes [profile NAME] credential_process running the built CLI, and the AWS CLI acts as the role through it', async () => {
    const { harness, app, ui } = await suite.start({ seed: seedIdentity });
    const { page } = ui;
    await app.goTo('roles');
    const form = page.getByTestId('role-form');
    await form.locator('#role-name').fill('tes-served');
    await form.locator('#role-accountId').fill(ACCOUNTS.tes);
    await form.locator('#role-roleName').fill('tes-deployer');
    await form.locator('#role-externalId').fill(EXTERNAL_ID);
    expect(await form.locator('#role-credentialProcess').isChecked()).toBe(false);
    await form.locator('#role-credentialProcess').check();
    await form.getByRole('button', { name: 'Add role' }).click();
    await poll(() => page.getByTestId('roles-notice').innerText()).toBe('Added tes-served.');

    expect(await readFile(harness.paths.config, 'utf8')).toBe(
      '[profile tes-served]\n# managed by sts-tray (role tes-served) - this section is rewritten on every renewal\n' +
        `credential_process = ${process.execPath} ${CLI_ENTRY} credential-process tes-served\n`,
    );
    const saved = JSON.parse((await harness.readAppConfig()) ?? '{}') as { roles: unknown[] };
    expect(saved.roles).toEqual([expect.objectContaining({ name: 'tes-served', credentialProcess: true })]);

    await harness.must('mfa:submit', { identity: 'dev', code: harness.totp() });
    const { stdout } = await harness.awsCli(['sts', 'get-caller-identity', '--profile', 'tes-served']);
    expect(arnOf(stdout)).toMatch(assumedRolePattern('tes'));
    // Served by the CLI, not from a section in the credentials file.
    expect(await harness.readCredentials()).toBeNull();
  });
});

describe('import of a file AWS tools could read two ways', () => {
  it('shows the error naming the line, offers nothing to import, and leaves both files alone', async () => {
    const twice = `${CONFIG}\n[profile release]\nregion = us-east-1\n`;
    const { harness, app, ui } = await suite.start({
      seed: async (h) => {
        await writeAwsFiles(h);
        await writeFile(h.paths.config, twice, { mode: 0o600 });
        await seedIdentity(h);
      },
    });
    const { page } = ui;
    await app.goTo('identities');
    await page.getByTestId('identities-import').click();
    const error = page.getByTestId('import-error');
    await poll(() => error.innerText()).toMatch(/line \d+/);
    expect(await error.innerText()).toContain('release');
    expect(await page.getByTestId('import-view').getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
    expect(await readFile(harness.paths.config, 'utf8')).toBe(twice);
    expect(await harness.readCredentials()).toBe(CREDENTIALS);
  });
});
