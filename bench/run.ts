// `npm run bench`: role-switch figures, side by side in one run against one loopback
// STS emulator. (a) the CLI vs the classic shell recipe, (b) the in-process switch vs a
// bare SDK AssumeRole, (c) one profile updated in a 1,000-profile credentials file.
// Prints a table, then one JSON line with the figures.

import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { composeNodeServices } from '../electron/adapters/node-services.js';
import { NodeFileStore } from '../electron/adapters/node-file-store.js';
import { AwsProfileStore } from '../electron/core/credentials-file/aws-profile-store.js';
import { saveIdentityKey } from '../electron/core/identity-keys.js';
import { identitySchema, roleSchema } from '../electron/core/model.js';
import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../e2e/rig/aws-cli.js';
import { CLI_ENTRY } from '../e2e/cli/run-cli-process.js';
import { startStsEmulator } from '../e2e/rig/sts-emulator/sts-emulator.js';
import { median, percentile, round, timed } from './stats.js';
import { fakeMfaUser } from '../e2e/rig/sts-emulator/fixtures.js';

const run = promisify(execFile);
const RECIPE_RUNS = Number(process.env.BENCH_RECIPE_RUNS ?? 5);
const CLI_RUNS = Number(process.env.BENCH_CLI_RUNS ?? 10);
const SWITCH_RUNS = Number(process.env.BENCH_SWITCH_RUNS ?? 200);
const FILE_RUNS = Number(process.env.BENCH_FILE_RUNS ?? 200);

const DEV = fakeMfaUser('bench', 'bench');
const ROLE_ARN = 'arn:aws:iam::222222222222:role/stg-bench';

async function main(): Promise<void> {
  if (process.platform === 'linux' && !process.env.STS_TRAY_TEST_KEYRING) {
    throw new Error('run through `npm run bench`, which starts a private keyring');
  }
  const emulator = await startStsEmulator({
    users: [DEV],
    roles: [{ arn: ROLE_ARN, trustedUsers: ['arn:aws:iam::111111111111:user/bench'], externalId: 'ext-bench' }],
  });
  const home = await mkdtemp(join(tmpdir(), 'sts-tray-bench-'));
  const service = `sts-tray-bench-${process.pid}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    STS_TRAY_HOME: join(home, 'app'),
    STS_TRAY_KEYCHAIN_SERVICE: service,
    STS_TRAY_STS_ENDPOINT: emulator.url,
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_CONFIG_FILE: join(home, 'config'),
    ...QUIET_AWS_CLI_ENV,
    AWS_REGION: 'ap-northeast-1',
  };
  const services = composeNodeServices(env, {});
  try {
    // Setup: one identity with an MFA session, one role (MFA via the session).
    const identity = identitySchema.parse({
      name: 'bench', accessKeyId: DEV.accessKeyId, mfaSerial: DEV.mfa.serial, region: 'ap-northeast-1',
    });
    const role = roleSchema.parse({
      name: 'stg', identity: 'bench', roleArn: ROLE_ARN, externalId: 'ext-bench', env: 'stg', mfa: true, region: 'ap-northeast-1',
    });
    await saveIdentityKey(services.secrets, identity, DEV.secretAccessKey);
    await services.configStore.update((c) => ({ ...c, identities: [identity], roles: [role] }));
    const mfa = await services.sessions.startMfaSession('bench', emulator.totp(DEV.mfa.serial));

    // (a) CLI switch vs the classic recipe, alternating so both see the same machine load.
    await writeFile(join(home, 'credentials'), `[base]\naws_access_key_id = ${DEV.accessKeyId}\naws_secret_access_key = ${DEV.secretAccessKey}\n`, { mode: 0o600 });
    const aws = debianAwsCli();
    const recipe = async () => {
      const { stdout } = await run(aws, [
        'sts', 'assume-role', '--profile', 'base', '--endpoint-url', emulator.url, '--output', 'json',
        '--role-arn', ROLE_ARN, '--role-session-name', 'recipe', '--external-id', 'ext-bench', '--duration-seconds', '3600',
      ], { env });
      const c = (JSON.parse(stdout) as { Credentials: Record<string, string> }).Credentials;
      for (const [key, value] of [
        ['aws_access_key_id', c.AccessKeyId], ['aws_secret_access_key', c.SecretAccessKey], ['aws_session_token', c.SessionToken],
      ] as const) {
        await run(aws, ['configure', 'set', key, value ?? '', '--profile', 'recipe'], { env });
      }
    };
    const cliSwitch = () => runProcess([CLI_ENTRY, 'assume', 'stg'], env);
    await recipe();
    await cliSwitch(); // warm file caches for both
    const recipeMs: number[] = [];
    const cliMs: number[] = [];
    for (let i = 0; i < Math.max(RECIPE_RUNS, CLI_RUNS); i += 1) {
      if (i < RECIPE_RUNS) recipeMs.push(await timed(recipe));
      if (i < CLI_RUNS) cliMs.push(await timed(cliSwitch));
    }

    // (b) in-process switch (warm MFA session, role re-assumed, profile written) vs bare SDK call.
    const bare = new STSClient({
      region: 'ap-northeast-1', endpoint: emulator.url,
      credentials: { accessKeyId: mfa.accessKeyId, secretAccessKey: mfa.secretAccessKey, sessionToken: mfa.sessionToken },
    });
    const bareCall = () =>
      bare.send(new AssumeRoleCommand({ RoleArn: ROLE_ARN, RoleSessionName: 'bare', ExternalId: 'ext-bench', DurationSeconds: 3600 }));
    const coreSwitch = async () => {
      services.sessions.dropRoleSession('stg');
      await services.engine.activate('stg');
    };
    for (let i = 0; i < 20; i += 1) {
      await bareCall();
      await coreSwitch();
    }
    const bareMs: number[] = [];
    const switchMs: number[] = [];
    for (let i = 0; i < SWITCH_RUNS; i += 1) {
      bareMs.push(await timed(bareCall));
      switchMs.push(await timed(coreSwitch));
    }
    bare.destroy();

    // (c) one profile updated in a 1,000-profile credentials file.
    const bigPath = join(home, 'big-credentials');
    const foreign = Array.from({ length: 1000 }, (_, i) =>
      `# profile ${i}\n[p${i}]\naws_access_key_id = AKIAFAKEBIG${String(i).padStart(9, '0')}\naws_secret_access_key = fake-secret-${i}\n`,
    ).join('\n');
    await writeFile(bigPath, foreign, { mode: 0o600 });
    const bigStore = new AwsProfileStore(new NodeFileStore(), { credentials: bigPath, config: join(home, 'big-config') });
    let n = 0;
    const update = () =>
      bigStore.write([{
        profile: 'stg', accessKeyId: `ASIAFAKEBENCH${String(n++).padStart(7, '0')}`, secretAccessKey: 'fake-secret-x',
        sessionToken: 'fake-token-'.repeat(40), expiresAt: Date.now() + 3_600_000, source: 'role stg',
      }]);
    for (let i = 0; i < 10; i += 1) await update();
    const fileMs: number[] = [];
    for (let i = 0; i < FILE_RUNS; i += 1) fileMs.push(await timed(update));

    const figures = {
      recipe_p50_ms: round(median(recipeMs)),
      cli_switch_p50_ms: round(median(cliMs)),
      cli_speedup_x: round(median(recipeMs) / median(cliMs), 1),
      bare_assume_role_p50_ms: round(median(bareMs)),
      bare_assume_role_p95_ms: round(percentile(bareMs, 95)),
      core_switch_p50_ms: round(median(switchMs)),
      core_switch_p95_ms: round(percentile(switchMs, 95)),
      core_switch_overhead_p50_ms: round(median(switchMs) - median(bareMs)),
      file_update_1000_profiles_p50_ms: round(median(fileMs)),
      file_update_1000_profiles_p95_ms: round(percentile(fileMs, 95)),
      runs: { recipe: RECIPE_RUNS, cli: CLI_RUNS, switch: SWITCH_RUNS, file: FILE_RUNS },
    };
    const rows: Array<[string, string, string]> = [
      ['(a) classic recipe: assume-role + 3× configure set', `${figures.recipe_p50_ms} ms`, ''],
      ['(a) sts-tray assume (CLI process)', `${figures.cli_switch_p50_ms} ms`, `${figures.cli_speedup_x}× faster (target ≥ 10×)`],
      ['(b) bare SDK AssumeRole, warm client', `${figures.bare_assume_role_p50_ms} ms`, `p95 ${figures.bare_assume_role_p95_ms} ms`],
      ['(b) core switch: AssumeRole + profile write', `${figures.core_switch_p50_ms} ms`, `p95 ${figures.core_switch_p95_ms} ms; +${figures.core_switch_overhead_p50_ms} ms p50 (target < 5)`],
      ['(c) update 1 profile in 1,000-profile file', `${figures.file_update_1000_profiles_p50_ms} ms`, `p95 ${figures.file_update_1000_profiles_p95_ms} ms (target < 10)`],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`${'case'.padEnd(width)}  p50        notes`);
    for (const [name, p50, note] of rows) console.log(`${name.padEnd(width)}  ${p50.padEnd(9)}  ${note}`);
    console.log(JSON.stringify(figures));
  } finally {
    services.close();
    for (const account of await services.secrets.list()) await services.secrets.delete(account);
    await emulator.close();
    await rm(home, { recursive: true, force: true });
  }
}

function runProcess(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`sts-tray exited ${code}: ${stderr.trim()}`))));
  });
}

await main();
