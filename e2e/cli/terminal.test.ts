// The CLI in a terminal and in scripts, as aws-vault and granted users expect it: Ctrl-C at a
// prompt, a mistyped code asked again, prd confirmed, `exec`, the `sts` shell function in
// real bash, zsh and fish, completion, and clear words where there is no terminal or no
// keychain. Real processes (a pseudo-terminal from `script` where a TTY matters), the real
// keyring (private, from `npm test`), the STS emulator and the real AWS CLI.

import { execFile, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../electron/adapters/keytar-secret-store.js';
import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../rig/aws-cli.js';
import { fakeMfaUser } from '../rig/sts-emulator/fixtures.js';
import { startStsEmulator, type StsEmulator } from '../rig/sts-emulator/sts-emulator.js';
import { startInPty } from './pty-process.js';
import { CLI_ENTRY, cliTestEnv, runCliProcess, type CliResult } from './run-cli-process.js';
import { requireTestKeyring } from '../rig/test-keyring.js';

const run = promisify(execFile);
const DEV = fakeMfaUser('dev', 'term');
const TES_ARN = 'arn:aws:iam::222222222222:role/tes-deployer';
const PRD_ARN = 'arn:aws:iam::444444444444:role/prd-deployer';
const TRUSTS_DEV = ['arn:aws:iam::111111111111:user/dev'];
const packageVersion = (JSON.parse(await readFile(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

describe('sts-tray in a terminal and in shells', () => {
  let emulator: StsEmulator;
  let home: string;
  let bin: string;
  let env: NodeJS.ProcessEnv;
  let keychain: KeytarSecretStore;

  const cli = (args: string[], stdin = '', extra: NodeJS.ProcessEnv = {}): Promise<CliResult> => runCliProcess(args, { ...env, ...extra }, stdin);
  const inPty = (args: string[]) => startInPty([process.execPath, CLI_ENTRY, ...args], env);
  const credentials = () => readFile(join(home, '.aws', 'credentials'), 'utf8').catch(() => '');
  /** A code STS refuses: neither this window's nor the next. */
  const wrongCode = () => {
    const valid = [emulator.totp(DEV.mfa.serial), emulator.totp(DEV.mfa.serial, emulator.now() + 30_000)];
    return ['000000', '111111', '222222'].find((c) => !valid.includes(c)) ?? '333333';
  };
  const shell = (program: string, script: string) =>
    run(program, ['-c', script], { env: { ...env, ...QUIET_AWS_CLI_ENV }, timeout: 30_000 }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(async () => {
    requireTestKeyring();
    emulator = await startStsEmulator({
      users: [DEV],
      roles: [
        { arn: TES_ARN, trustedUsers: TRUSTS_DEV, requireMfa: true },
        { arn: PRD_ARN, trustedUsers: TRUSTS_DEV, requireMfa: true },
      ],
    });
    home = await mkdtemp(join(tmpdir(), 'sts-tray-term-'));
    // `sts-tray` on PATH, as `npm link` puts it there: the completion asks it for role names.
    bin = join(home, 'bin');
    await mkdir(bin);
    await writeFile(join(bin, 'sts-tray'), `#!/bin/sh\nexec '${process.execPath}' '${CLI_ENTRY}' "$@"\n`);
    await chmod(join(bin, 'sts-tray'), 0o755);
    const service = `sts-tray-test-term-${process.pid}-${Date.now()}`;
    keychain = new KeytarSecretStore(service);
    env = cliTestEnv(home, service, { STS_TRAY_STS_ENDPOINT: emulator.url, PATH: `${bin}:${process.env.PATH ?? ''}`, TERM: 'xterm' });
    expect((await cli(['identity', 'add', 'dev', '--access-key-id', DEV.accessKeyId, '--mfa-serial', DEV.mfa.serial, '--region', 'ap-northeast-1'], `${DEV.secretAccessKey}\n`)).code).toBe(0);
    expect((await cli(['role', 'add', 'tes', '--identity', 'dev', '--role-arn', TES_ARN, '--env', 'tes', '--mfa'])).code).toBe(0);
    expect((await cli(['role', 'add', 'prd', '--identity', 'dev', '--role-arn', PRD_ARN, '--env', 'prd', '--mfa'])).code).toBe(0);
  });

  afterAll(async () => {
    for (const account of (await keychain?.list()) ?? []) await keychain.delete(account);
    await emulator?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('--version, help per command, "did you mean", a bare group: exit 0 or 2 with words a person can act on', async () => {
    expect(await cli(['--version'])).toMatchObject({ code: 0, stdout: `sts-tray ${packageVersion}\n` });
    const help = await cli(['assume', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: sts-tray assume NAME \[--mfa-code CODE\] \[--yes\]\n/);
    expect(help.stdout).not.toContain('identity add');
    expect(await cli(['help', 'role', 'add'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^ {2}--mirror-default +also write the credentials to \[default\]$/m) });
    expect(await cli(['asume', 'tes'])).toMatchObject({ code: 2, stderr: expect.stringContaining('did you mean "assume"?') });
    expect(await cli(['assume', 'tes', '--mfa-cod', '1'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/did you mean --mfa-code\?\nusage: sts-tray assume/) });
    expect(await cli(['role'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/^sts-tray: role needs a subcommand:\n {2}sts-tray role add/) });
    const exists = await cli(['role', 'add', 'tes', '--identity', 'dev', '--role-arn', TES_ARN]);
    expect(exists).toMatchObject({ code: 1, stderr: 'sts-tray: role "tes" exists; add --replace to change it, or choose another name\n' });
  });

  it('no terminal and an empty stdin: identity add says there was no secret and no terminal (exit 2), stores nothing', async () => {
    const result = await cli(['identity', 'add', 'other', '--access-key-id', 'AKIAFAKEOTHER0000001']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^sts-tray: no secret access key: stdin was empty and there is no terminal to ask on\. Pipe it in/);
    expect(JSON.parse((await cli(['identity', 'list', '--json'])).stdout)).toHaveLength(1);
  });

  it('Ctrl-C at the hidden secret prompt: "cancelled", exit 130, nothing stored', async () => {
    const term = inPty(['identity', 'add', 'other', '--access-key-id', 'AKIAFAKEOTHER0000001']);
    await term.waitFor(/Secret access key for AKIAFAKEOTHER0000001: /);
    term.type('fake-secret-typed-halfway');
    term.type('\u0003');
    expect(await term.exited).toBe(130);
    expect(term.screen()).toMatch(/sts-tray: cancelled\n/);
    expect(term.screen()).not.toMatch(/unexpected error|fake-secret-typed/);
    expect(await keychain.get('identity:other')).toBeNull();
  });

  it('a refused MFA code in a terminal is asked for again; the right one switches', async () => {
    const term = inPty(['assume', 'tes']);
    await term.waitFor(/MFA code: $/);
    term.type(`${wrongCode()}\r`);
    await term.waitFor(/\(2 tries left\)\nMFA code: $/);
    // Codes are good once each, in their 30 s window or one either side: this test takes the
    // current window's, the prd test below the next one's.
    term.type(`${emulator.totp(DEV.mfa.serial)}\r`);
    expect(await term.exited).toBe(0);
    expect(term.screen()).toMatch(/tes: arn:aws:sts::222222222222:assumed-role\/tes-deployer\/.* written to \[tes\]/);
    expect(await credentials()).toContain('[tes]');
  });

  it('three refused codes end the command with the last reason', async () => {
    // No MFA session (signed out), a wrong --mfa-code: refused, then asked for twice more.
    expect((await cli(['logout', '--all'])).code).toBe(0);
    const wrong = wrongCode();
    const retry = inPty(['assume', 'tes', '--mfa-code', wrong]);
    await retry.waitFor(/\(2 tries left\)\nMFA code: $/);
    retry.type(`${wrong}\r`);
    await retry.waitFor(/\(1 try left\)\nMFA code: $/);
    retry.type('12345\r');
    expect(await retry.exited).toBe(2);
    expect(retry.screen().match(/^MFA code: /gm)).toHaveLength(2);
    expect(retry.screen()).toMatch(/sts-tray: MFA code: .*6 digits/);
    expect(await credentials()).not.toContain('[tes]');
  });

  it('prd in a terminal: [y/N], "n" cancels (130) and writes nothing; "y" switches and the output says PRD', async () => {
    const no = inPty(['assume', 'prd', '--mfa-code', '123456']); // asked before the code is used
    await no.waitFor(/prd is PRD \(arn:aws:iam::444444444444:role\/prd-deployer\)\. Switch to it\? \[y\/N\] $/);
    no.type('n\r');
    expect(await no.exited).toBe(130);
    expect(await credentials()).not.toContain('[prd]');

    const yes = inPty(['assume', 'prd']);
    await yes.waitFor(/\[y\/N\] $/);
    yes.type('y\r');
    await yes.waitFor(/MFA code: $/);
    yes.type(`${emulator.totp(DEV.mfa.serial, emulator.now() + 30_000)}\r`);
    expect(await yes.exited).toBe(0);
    expect(yes.screen()).toMatch(/PRD prd: arn:aws:sts::444444444444:assumed-role\/prd-deployer\//);
    expect(await credentials()).toContain('[prd]');
  });

  it('prd without a terminal needs --yes (exit 2, naming it); status marks it PRD', async () => {
    const refused = await cli(['assume', 'prd']);
    expect(refused).toMatchObject({ code: 2, stderr: expect.stringMatching(/prd is a prd role: add --yes to switch to it without a terminal/) });
    const exported = await cli(['export', 'prd']);
    expect(exported.code).toBe(2);
    expect(exported.stdout).toBe('');
    expect(await cli(['assume', 'prd', '--yes'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^PRD prd: /) });
    expect((await cli(['status'])).stdout).toMatch(/^prd +PRD +prd +active/m);
  });

  it('exec: the command runs as the role with nothing written, and its exit code comes back', async () => {
    const before = await credentials();
    const probe = `'${debianAwsCli()}' sts get-caller-identity --endpoint-url '${emulator.url}' --query Arn --output text; exit 7`;
    const result = await cli(['exec', 'tes', '--', 'sh', '-c', probe], '', { ...QUIET_AWS_CLI_ENV, AWS_PROFILE: 'does-not-exist' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(7);
    expect(result.stdout).toMatch(/^arn:aws:sts::222222222222:assumed-role\/tes-deployer\//);
    expect(await credentials()).toBe(before);
    expect(await cli(['exec', 'tes', '--', 'no-such-command-here'])).toMatchObject({ code: 1, stderr: 'sts-tray: exec: no-such-command-here: command not found\n' });
  });

  it('exec passes a signal sent to it on to the command', async () => {
    const child = spawn(process.execPath, [CLI_ENTRY, 'exec', 'tes', '--', 'sh', '-c', 'trap "echo got-term; exit 42" TERM; echo ready; while :; do sleep 0.1; done'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => ((out += d.toString()), out.includes('ready') && resolve())));
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(out).toContain('got-term');
    expect(code).toBe(42);
  });

  it.each([
    ['bash', 'eval "$(sts-tray shell-init bash)"'],
    ['zsh', 'eval "$(sts-tray shell-init zsh)"'],
    ['fish', 'sts-tray shell-init fish | source'],
  ])('%s: `sts assume tes` sets this shell\'s variables, the AWS CLI acts as tes, `sts --unset` clears them', async (program, load) => {
    const aws = `'${debianAwsCli()}' sts get-caller-identity --endpoint-url '${emulator.url}' --query Arn --output text`;
    const unsetCheck = program === 'fish' ? 'set -q AWS_SESSION_TOKEN; and echo still-set; or echo cleared' : 'echo "${AWS_SESSION_TOKEN:-cleared}" | cut -c1-7';
    const passthrough = `sts status --json > /dev/null ${program === 'fish' ? '; and' : '&&'} echo passthrough`;
    const result = await shell(program, [load, 'sts assume tes', 'echo "role=$STS_TRAY_ROLE"', aws, 'sts --unset', unsetCheck, passthrough].join('\n'));
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^role=tes\narn:aws:sts::222222222222:assumed-role\/tes-deployer\/.*\ncleared\npassthrough\n$/);
  });

  it('`sts assume` without a name shows the picker in a terminal; typing filters and Enter picks', async () => {
    const term = startInPty(['bash', '--norc', '-c', 'eval "$(sts-tray shell-init bash)"; sts assume && echo "picked=$STS_TRAY_ROLE key=${AWS_ACCESS_KEY_ID:0:4}"'], env);
    await term.waitFor(/role \(type to filter, ↑\/↓, Enter; Esc cancels\): \n> tes {2}tes\n {2}prd {2}PRD/);
    term.type('pr');
    await term.waitFor(/Esc cancels\): pr\n> prd {2}PRD/);
    term.type('\r');
    await term.waitFor(/\[y\/N\] $/);
    term.type('y\r');
    expect(await term.exited).toBe(0);
    expect(term.screen()).toMatch(/picked=prd key=ASIA/);
  });

  it('completion: bash offers commands, flags and role names; zsh loads it; fish completes too', async () => {
    const complete = (words: string) =>
      shell('bash', `source <(sts-tray completion bash)\nCOMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1))\n_sts_tray_complete\necho "\${COMPREPLY[*]}"`);
    expect((await complete('sts-tray ass')).stdout).toBe('assume\n');
    expect((await complete('sts-tray assume --m')).stdout).toBe('--mfa-code\n');
    expect((await complete('sts-tray assume ""')).stdout).toBe('tes prd\n');
    expect((await complete('sts-tray role a')).stdout).toBe('add\n');
    expect((await complete('sts-tray role add x --env p')).stdout).toBe('prd\n');
    expect((await complete('sts-tray export tes --format f')).stdout).toBe('fish\n');
    const zsh = await shell('zsh', 'source <(sts-tray completion zsh) && whence -w _sts_tray_complete');
    expect(zsh).toMatchObject({ code: 0, stdout: '_sts_tray_complete: function\n' });
    const fish = await shell('fish', 'sts-tray completion fish | source; complete -C "sts-tray whoam"; complete -C "sts-tray whoami t"');
    expect(fish.stdout).toMatch(/^whoami\b.*\ntes\n$/);
  });

  it('status without a keychain: roles, profiles and expiry, with the MFA session unknown', async () => {
    const result = await cli(['status'], '', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/sts-tray-no-bus', GNOME_KEYRING_CONTROL: '' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^tes +tes +tes +\w+/m);
    expect(result.stdout).toMatch(/^dev +unknown \(keychain unreachable\)$/m);
    expect(result.stderr).toMatch(/^note: the OS keychain could not be reached, so MFA sessions are unknown: /);
    await stat(join(home, '.aws', 'credentials'));
  });
  it('role add --verify keeps a role STS lets the identity assume, and does not save one it refuses', async () => {
    const refused = await cli(['role', 'add', 'never', '--identity', 'dev', '--role-arn', 'arn:aws:iam::555555555555:role/trusts-nobody', '--mfa', '--verify']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^sts-tray: role never was not saved: the AssumeRole try failed: /);
    expect((await cli(['role', 'list', '--names'])).stdout).toBe('tes\nprd\n');
    const kept = await cli(['role', 'add', 'tes-again', '--identity', 'dev', '--role-arn', TES_ARN, '--mfa', '--verify']);
    expect(kept.stderr).toBe('');
    expect(kept.stdout).toMatch(/^verified: STS let dev assume it as arn:aws:sts::222222222222:assumed-role\/tes-deployer\//);
    expect((await cli(['role', 'list', '--names'])).stdout).toBe('tes\nprd\ntes-again\n');
  });
});
