// The window's role save with the credential_process switch on: the config file gets what
// `sts-tray role add --credential-process` writes, with the launcher the shell gives; a write
// the file refuses leaves the roles as they were.

import { describe, expect, it } from 'vitest';
import { dispatchRequest } from './ipc-dispatch.js';
import { CONTROLLER_LAUNCHER, CONTROLLER_PATHS, controllerRig } from './testing/controller-rig.js';

describe('the role form’s credential_process switch', () => {
  it('saves the role and writes [profile NAME] credential_process with the shell’s launcher, as role add does', async () => {
    const rig = await controllerRig({
      version: 1,
      identities: [{ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001' }],
    });
    rig.files.setText(CONTROLLER_PATHS.config, '# mine\n[default]\nregion = ap-northeast-1\n');
    await rig.controller.start();
    const saved = await dispatchRequest(rig.controller.handlers, 'role:save', {
      role: { name: 'tes', identity: 'dev', roleArn: 'arn:aws:iam::222222222222:role/tes-deployer', credentialProcess: true },
    });
    expect(saved).toMatchObject({ ok: true, value: { role: { name: 'tes', credentialProcess: true } } });
    expect(rig.files.text(CONTROLLER_PATHS.config)).toBe(
      `# mine\n[default]\nregion = ap-northeast-1\n\n[profile tes]\n# managed by sts-tray (role tes) - this section is rewritten on every renewal\ncredential_process = ${CONTROLLER_LAUNCHER.join(' ')} credential-process tes\n`,
    );
  });
});

describe('the credential_process switch over a section of the user’s', () => {
  it('refuses with the file’s reason and leaves the roles as they were, new or edited', async () => {
    const tes = { name: 'tes', env: 'tes', identity: 'dev', roleArn: 'arn:aws:iam::222222222222:role/tes-deployer' };
    const rig = await controllerRig({ version: 1, identities: [{ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001' }], roles: [tes] });
    const mine = '[profile tes]\nregion = ap-northeast-1\n\n[profile stg]\noutput = json\n';
    rig.files.setText(CONTROLLER_PATHS.config, mine);
    await rig.controller.start();
    const before = (await rig.services.configStore.load()).roles;
    const call = (payload: unknown) => dispatchRequest(rig.controller.handlers, 'role:save', payload);

    const edited = await call({ role: { ...tes, credentialProcess: true, durationSeconds: 7200 }, previousName: 'tes' });
    expect(edited).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('[profile tes]') } });
    const added = await call({ role: { name: 'stg', identity: 'dev', roleArn: 'arn:aws:iam::333333333333:role/stg-deployer', credentialProcess: true } });
    expect(added).toMatchObject({ ok: false, error: { code: 'conflict' } });

    expect(rig.files.text(CONTROLLER_PATHS.config)).toBe(mine);
    expect((await rig.services.configStore.load()).roles).toEqual(before);
  });
});
