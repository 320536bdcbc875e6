// The window's import channels over the controller: the plan carries no key, a file AWS tools
// would read differently is refused with its line, and apply takes the user's environments
// and options through the CLI's apply step.

import { beforeEach, describe, expect, it } from 'vitest';
import { loadIdentityKey } from '../core/identity-keys.js';
import { dispatchRequest } from './ipc-dispatch.js';
import { CONTROLLER_LAUNCHER, CONTROLLER_PATHS, controllerRig, type ControllerRig } from './testing/controller-rig.js';

const DEV_SECRET = 'fake-secret-import-dev-00000000000000000001';
const OPS_SECRET = 'fake-secret-import-ops-00000000000000000001';

const CREDENTIALS = [
  '# keys of our IAM users',
  '[dev]',
  'aws_access_key_id = AKIAFAKEIMPORTDEV001',
  `aws_secret_access_key = ${DEV_SECRET}`,
  '',
  '[ops]',
  'aws_access_key_id = AKIAFAKEIMPORTOPS001',
  `aws_secret_access_key = ${OPS_SECRET}`,
  'region = ap-northeast-1',
  '',
].join('\n');

const CONFIG = [
  '[profile dev]',
  'mfa_serial = arn:aws:iam::111111111111:mfa/dev',
  '',
  '[profile tes-repository]',
  'role_arn = arn:aws:iam::222222222222:role/tes-deployer',
  'source_profile = dev',
  'mfa_serial = arn:aws:iam::111111111111:mfa/dev',
  'external_id = ext-tes',
  'role_session_name = dev-tes',
  '',
  '[profile release]',
  'role_arn = arn:aws:iam::333333333333:role/release-manager',
  'source_profile = ops',
  'duration_seconds = 1800',
  '',
  '[profile tes-admin]',
  'role_arn = arn:aws:iam::222222222222:role/tes-admin',
  'source_profile = tes-repository',
  '',
  '[profile sso-dev]',
  'sso_start_url = https://example.invalid/start',
  '',
].join('\n');

describe('import from the window', () => {
  let rig: ControllerRig;
  const call = (channel: string, payload: unknown) => dispatchRequest(rig.controller.handlers, channel, payload);

  beforeEach(async () => {
    rig = await controllerRig({ version: 1 });
    rig.files.setText(CONTROLLER_PATHS.credentials, CREDENTIALS);
    rig.files.setText(CONTROLLER_PATHS.config, CONFIG);
    await rig.controller.start();
    await rig.settle();
  });

  it('shows the plan with masked key IDs and no secret, guesses, and why the rest is not imported', async () => {
    const result = await call('import:plan', {});
    expect(JSON.stringify(result)).not.toMatch(/fake-secret|AKIAFAKEIMPORTDEV001|AKIAFAKEIMPORTOPS001/);
    expect(result).toMatchObject({
      ok: true,
      value: {
        paths: { credentials: CONTROLLER_PATHS.credentials, config: CONTROLLER_PATHS.config },
        identities: [
          { name: 'dev', accessKeyIdMasked: 'AKIA…V001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev', from: 'credentials line 2', exists: false },
          { name: 'ops', accessKeyIdMasked: 'AKIA…S001', mfaSerial: null, region: 'ap-northeast-1', exists: false },
        ],
        roles: [
          { name: 'tes-repository', env: 'tes', identity: 'dev', externalId: 'ext-tes', sessionName: 'dev-tes', mfa: true, durationSeconds: 3600, from: 'config line 4' },
          { name: 'release', env: 'other', identity: 'ops', externalId: null, mfa: false, durationSeconds: 1800, region: 'ap-northeast-1' },
        ],
      },
    });
    if (!result.ok) throw new Error('no plan');
    const plan = result.value as { notImported: { profile: string; why: string }[] };
    expect(plan.notImported.map((n) => [n.profile, n.why])).toEqual([
      ['sso-dev', expect.stringContaining('it signs in through IAM Identity Center')],
      ['tes-admin', expect.stringContaining('a role chain')],
    ]);
  });

  it('shows a profile with a very long name among those not imported, cut short, instead of failing', async () => {
    const long = `p${'x'.repeat(400)}`;
    rig.files.setText(CONTROLLER_PATHS.config, `${CONFIG}[profile ${long}]\nsso_start_url = https://example.invalid/start\n`);
    const result = await call('import:plan', {});
    if (!result.ok) throw new Error(result.error.message);
    const skipped = (result.value as { notImported: { profile: string; why: string }[] }).notImported.find((n) => n.profile.startsWith('pxxx'));
    expect(skipped?.profile).toHaveLength(300);
    expect(skipped?.profile.endsWith('…')).toBe(true);
  });

  it('refuses a file AWS tools could read two ways, naming the line', async () => {
    rig.files.setText(CONTROLLER_PATHS.config, `${CONFIG}[profile release]\nregion = us-east-1\n`);
    const result = await call('import:plan', {});
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/line \d+/) } });
  });

  it('applies with the chosen environments, verifies each key, hands the roles over and removes verified key lines', async () => {
    // ops's key is refused by STS: not stored, its lines stay, its role is not created.
    rig.sts.failWhen((c) => (c.action === 'GetCallerIdentity' && c.input.credentials.accessKeyId === 'AKIAFAKEIMPORTOPS001' ? 'invalid-key' : null));
    const result = await call('import:apply', {
      environments: [{ role: 'tes-repository', env: 'stg' }],
      credentialProcess: true,
      removePlaintext: true,
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        outcomes: [
          { kind: 'identity', name: 'dev', status: 'created' },
          { kind: 'identity', name: 'ops', status: 'refused' },
          { kind: 'role', name: 'tes-repository', status: 'switched' },
          { kind: 'role', name: 'release', status: 'refused' },
          { kind: 'identity', name: 'dev', status: 'plaintext-removed' },
          { kind: 'identity', name: 'ops', status: 'plaintext-kept' },
        ],
      },
    });
    expect(JSON.stringify(result)).not.toContain('fake-secret');

    const config = await rig.services.configStore.load();
    expect(config.identities.map((i) => i.name)).toEqual(['dev']);
    expect(config.roles).toEqual([expect.objectContaining({ name: 'tes-repository', env: 'stg', credentialProcess: true, externalId: 'ext-tes' })]);
    const dev = config.identities[0];
    if (!dev) throw new Error('no dev');
    expect((await loadIdentityKey(rig.secrets, dev)).secretAccessKey).toBe(DEV_SECRET);
    expect(rig.files.text(CONTROLLER_PATHS.credentials)).toBe(CREDENTIALS.replace(/aws_access_key_id = AKIAFAKEIMPORTDEV001\naws_secret_access_key = \S+\n/, ''));
    expect(rig.files.text(CONTROLLER_PATHS.config)).toContain(
      `[profile tes-repository]\n# managed by sts-tray (role tes-repository) - this section is rewritten on every renewal\ncredential_process = ${CONTROLLER_LAUNCHER.join(' ')} credential-process tes-repository\n`,
    );
    const view = await rig.controller.view();
    expect(view.activity.map((a) => [a.kind, a.subject])).toEqual(
      expect.arrayContaining([
        ['identity-added', 'dev'],
        ['role-saved', 'tes-repository'],
      ]),
    );
  });

  it('reports names already in sts-tray as there, and leaves them as they are', async () => {
    await call('import:apply', { environments: [], credentialProcess: false, removePlaintext: false });
    const before = rig.files.text(CONTROLLER_PATHS.appConfig);
    const plan = await call('import:plan', {});
    expect(plan).toMatchObject({
      ok: true,
      value: { identities: [{ name: 'dev', exists: true }, { name: 'ops', exists: true }], roles: [{ exists: true }, { exists: true }] },
    });
    const again = await call('import:apply', { environments: [], credentialProcess: false, removePlaintext: false });
    expect(again).toMatchObject({
      ok: true,
      value: {
        outcomes: [
          { name: 'dev', status: 'exists', detail: 'already in sts-tray with this key' },
          { name: 'ops', status: 'exists' },
          { name: 'tes-repository', status: 'exists' },
          { name: 'release', status: 'exists' },
        ],
      },
    });
    expect(rig.files.text(CONTROLLER_PATHS.appConfig)).toBe(before);
  });

  it('refuses an environment for a role the plan no longer has, and changes nothing', async () => {
    const result = await call('import:apply', { environments: [{ role: 'gone', env: 'prd' }], credentialProcess: false, removePlaintext: false });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('"gone"') } });
    expect((await rig.services.configStore.load()).identities).toEqual([]);
    expect(rig.sts.count('GetCallerIdentity')).toBe(0);
  });
});
