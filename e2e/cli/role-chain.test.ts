// Role chaining through the `sts-tray` binary: a role assumed with another role's session,
// against the emulator (which refuses what AWS refuses: a chained session over 1 h, a
// caller the trust policy does not name), the real keyring, and Debian's AWS CLI reading
// the profile we wrote.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeytarSecretStore } from '../../electron/adapters/keytar-secret-store.js';
import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../rig/aws-cli.js';
import { fakeMfaUser } from '../rig/sts-emulator/fixtures.js';
import { startStsEmulator, type StsEmulator } from '../rig/sts-emulator/sts-emulator.js';
import { cliTestEnv, runCliProcess, type CliResult, requirePrivateKeyring } from './run-cli-process.js';

const run = promisify(execFile);

const DEV = fakeMfaUser('dev', 'chain');
const DEV_ARN = 'arn:aws:iam::111111111111:user/dev';
const HUB_ARN = 'arn:aws:iam::222222222222:role/hub-deployer';
const ADMIN_ARN = 'arn:aws:iam::333333333333:role/prd-admin';
const AUDIT_ARN = 'arn:aws:iam::444444444444:role/audit';

describe('sts-tray role chaining against the emulator, the real keyring and the real AWS CLI', () => {
  let emulator: StsEmulator;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let keychain: KeytarSecretStore;
  const outputs: string[] = [];

  const cli = async (args: string[], stdin = ''): Promise<CliResult> => {
    const result = await runCliProcess([...args, '--endpoint-url', emulator.url], env, stdin);
    outputs.push(result.stdout, result.stderr);
    return result;
  };
  const configText = () => readFile(join(home, 'app', 'config.json'), 'utf8');

  beforeAll(async () => {
    requirePrivateKeyring();
    emulator = await startStsEmulator({
      users: [DEV],
      roles: [
        { arn: HUB_ARN, trustedUsers: [DEV_ARN], externalId: 'ext-hub', requireMfa: true, maxSessionDuration: 43_200 },
        // Trusts only the hub role, and would allow 12 h to a direct caller: the 1 h cap is chaining's.
        { arn: ADMIN_ARN, trustedUsers: [HUB_ARN], externalId: 'ext-admin', maxSessionDuration: 43_200 },
        { arn: AUDIT_ARN, trustedUsers: [ADMIN_ARN] },
      ],
    });
    home = await mkdtemp(join(tmpdir(), 'sts-tray-chain-'));
    const service = `sts-tray-test-chain-${process.pid}-${Date.now()}`;
    keychain = new KeytarSecretStore(service);
    env = cliTestEnv(home, service);
    const added = await cli(
      ['identity', 'add', 'dev', '--access-key-id', DEV.accessKeyId, '--mfa-serial', DEV.mfa.serial, '--region', 'ap-northeast-1'],
      `${DEV.secretAccessKey}\n`,
    );
    expect(added.stderr).toBe('');
    const hub = await cli(['role', 'add', 'hub', '--identity', 'dev', '--role-arn', HUB_ARN, '--external-id', 'ext-hub', '--mfa', '--duration', '43200']);
    expect(hub.stderr).toBe('');
  });

  afterAll(async () => {
    for (const account of (await keychain?.list()) ?? []) await keychain.delete(account);
    await emulator?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });

  it('adds roles chained from a role: no --identity, the chain’s root identity is theirs', async () => {
    const admin = await cli(['role', 'add', 'admin', '--source-role', 'hub', '--role-arn', ADMIN_ARN, '--external-id', 'ext-admin', '--env', 'prd']);
    expect(admin.stderr).toBe('');
    expect(admin.stdout).toContain("assumed with role hub's session");
    expect((await cli(['role', 'add', 'audit', '--source-role', 'admin', '--role-arn', AUDIT_ARN, '--duration', '900'])).code).toBe(0);
    const list = JSON.parse((await cli(['role', 'list', '--json'])).stdout) as { name: string; identity: string; sourceRole?: string }[];
    expect(list.map((r) => [r.name, r.identity, r.sourceRole])).toEqual([
      ['hub', 'dev', undefined],
      ['admin', 'dev', 'hub'],
      ['audit', 'dev', 'admin'],
    ]);
    const table = (await cli(['role', 'list'])).stdout;
    expect(table).toMatch(/^admin\s+prd\s+admin\s+dev\s+role hub\s+yes, at hub\s/m);
    expect(table).toMatch(/^hub\s+other\s+hub\s+dev\s+identity dev\s+yes\s/m);
  });

  it.each([
    ['a chained duration over 1 h', ['role', 'add', 'long', '--source-role', 'hub', '--role-arn', AUDIT_ARN, '--duration', '7200'], 1, /role "long" is chained from "hub": AWS limits a session assumed with another role's session to 3600 seconds/],
    ['MFA on a chained role', ['role', 'add', 'twice', '--source-role', 'hub', '--role-arn', AUDIT_ARN, '--mfa'], 1, /MFA is asked at the root of the chain/],
    ['a source role that does not exist', ['role', 'add', 'lost', '--source-role', 'nobody', '--role-arn', AUDIT_ARN], 1, /no role named "nobody" to chain from \(roles: hub, admin, audit\)/],
    ['a cycle', ['role', 'add', 'hub', '--replace', '--source-role', 'audit', '--role-arn', HUB_ARN], 1, /roles "hub" → "audit" → "admin" → "hub" form a cycle of source roles/],
    ['both --identity and --source-role', ['role', 'add', 'both', '--identity', 'dev', '--source-role', 'hub', '--role-arn', AUDIT_ARN], 2, /either --identity or --source-role/],
  ])('refuses %s with a clear message, and changes nothing', async (_what, args, code, message) => {
    const before = await configText();
    const result = await cli(args);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(await configText()).toBe(before);
  });

  it('refuses to remove a role others chain from, naming them', async () => {
    const result = await cli(['role', 'remove', 'hub']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('role "hub" is the source role of "admin"');
    expect(await configText()).toContain('"hub"');
  });

  it('exits 3 asking for the root identity’s code when the chain has no MFA session', async () => {
    emulator.resetCalls();
    const result = await cli(['assume', 'audit']);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('"dev"');
    expect(emulator.calls).toEqual([]);
  });

  it('assumes a two-link chain with one code; the AWS CLI reads the chained profile as the last role', async () => {
    const code = emulator.totp(DEV.mfa.serial);
    const result = await cli(['assume', 'audit', '--mfa-code', code]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(emulator.calls.map((c) => [c.action, c.status])).toEqual([
      ['GetSessionToken', 200],
      ['AssumeRole', 200],
      ['AssumeRole', 200],
      ['AssumeRole', 200],
    ]);
    // The emulator saw each link called by the session before it: user → MFA session → hub → admin.
    expect(emulator.issued().map((i) => [i.kind, i.arn])).toEqual([
      ['user-session', DEV_ARN],
      ['role-session', expect.stringContaining('assumed-role/hub-deployer/')],
      ['role-session', expect.stringContaining('assumed-role/prd-admin/')],
      ['role-session', expect.stringContaining('assumed-role/audit/')],
    ]);
    const credentials = await readFile(join(home, '.aws', 'credentials'), 'utf8');
    expect(credentials).toContain('[audit]');
    expect(credentials).not.toContain('[hub]');
    const { stdout } = await run(debianAwsCli(), ['sts', 'get-caller-identity', '--profile', 'audit', '--endpoint-url', emulator.url, '--output', 'json'], {
      env: { ...env, ...QUIET_AWS_CLI_ENV },
    });
    expect(JSON.parse(stdout)).toMatchObject({ Account: '444444444444', Arn: expect.stringMatching(/^arn:aws:sts::444444444444:assumed-role\/audit\//) });
  });

  it('a later process reuses the MFA session: the chain costs AssumeRole calls only, and status shows it like any role', async () => {
    emulator.resetCalls();
    expect((await cli(['assume', 'admin'])).code).toBe(0);
    expect(emulator.calls.map((c) => c.action)).toEqual(['AssumeRole', 'AssumeRole']);
    const status = JSON.parse((await cli(['status', '--json'])).stdout) as { roles: { name: string; state: string; identity: string }[] };
    expect(status.roles.map((r) => [r.name, r.identity, r.state])).toEqual([
      ['hub', 'dev', 'idle'],
      ['admin', 'dev', 'active'],
      ['audit', 'dev', 'active'],
    ]);
    const who = await cli(['whoami', 'admin']);
    expect(who.stdout).toMatch(/assumed-role\/prd-admin\//);
  });

  it('a role whose trust policy does not name the source role: STS refuses, and the message names the link', async () => {
    expect((await cli(['role', 'add', 'skip', '--source-role', 'hub', '--role-arn', AUDIT_ARN])).code).toBe(0);
    const result = await cli(['assume', 'skip']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`role "skip" is assumed with the session of role "hub": its trust policy must name ${HUB_ARN}`);
    expect(result.stderr).toContain('assumed-role/hub-deployer/');
    expect(await readFile(join(home, '.aws', 'credentials'), 'utf8')).not.toContain('[skip]');
    expect((await cli(['role', 'remove', 'skip'])).code).toBe(0);
  });

  it('never printed a long-lived secret', () => {
    for (const text of outputs) expect(text).not.toContain(DEV.secretAccessKey);
  });
});
