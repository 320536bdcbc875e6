// `npm run bench:credential-process` (also run by `npm run bench`): what credential_process
// through sts-tray costs, side by side in one run against one loopback STS emulator, with
// the app's socket server composed in this process as the running app. Cases alternate
// round by round so they see the same machine load:
//   (d) `node -e 0`, the floor of any command written in Node;
//   (e) `sts-tray credential-process stg` with the app running (socket);
//   (f) the same without the app (the command reads the keychain and calls STS itself);
//   (g) the same AWS CLI command with the profile in the credentials file vs with
//       `credential_process = sts-tray credential-process stg` answered by the app, paired.
// Prints a table, then one JSON line with the figures.

import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { credentialSocketLocation } from '../electron/adapters/credential-socket-path.js';
import { serveCredentials } from '../electron/adapters/credential-socket-server.js';
import { composeNodeServices } from '../electron/adapters/node-services.js';
import { saveIdentityKey } from '../electron/core/identity-keys.js';
import { identitySchema, roleSchema } from '../electron/core/model.js';
import { CLI_ENTRY } from '../e2e/cli/run-cli-process.js';
import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../e2e/rig/aws-cli.js';
import { fakeMfaUser } from '../e2e/rig/sts-emulator/fixtures.js';
import { startStsEmulator } from '../e2e/rig/sts-emulator/sts-emulator.js';
import { median, round, timed } from './stats.js';

const run = promisify(execFile);
const RUNS = Number(process.env.BENCH_CREDENTIAL_PROCESS_RUNS ?? 20);
const AWS_RUNS = Number(process.env.BENCH_AWS_RUNS ?? 15);
const DEV = fakeMfaUser('bench', 'benchcp');
const ROLE_ARN = 'arn:aws:iam::222222222222:role/stg-bench';

async function main(): Promise<void> {
  if (process.platform === 'linux' && !process.env.STS_TRAY_TEST_KEYRING) {
    throw new Error('run through `npm run bench`, which starts a private keyring');
  }
  const emulator = await startStsEmulator({
    users: [DEV],
    roles: [{ arn: ROLE_ARN, trustedUsers: ['arn:aws:iam::111111111111:user/bench'], externalId: 'ext-bench' }],
  });
  const home = await mkdtemp(join(tmpdir(), 'sts-tray-bench-cp-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    STS_TRAY_HOME: join(home, 'app'),
    STS_TRAY_KEYCHAIN_SERVICE: `sts-tray-bench-cp-${process.pid}`,
    STS_TRAY_STS_ENDPOINT: emulator.url,
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_CONFIG_FILE: join(home, 'config'),
    XDG_RUNTIME_DIR: home,
    ...QUIET_AWS_CLI_ENV,
    AWS_REGION: 'ap-northeast-1',
  };
  const services = composeNodeServices(env, {});
  const server = await serveCredentials({
    sessions: services.sessions,
    config: () => services.configStore.load(),
    location: credentialSocketLocation(env),
  });
  try {
    const identity = identitySchema.parse({ name: 'bench', accessKeyId: DEV.accessKeyId, mfaSerial: DEV.mfa.serial, region: 'ap-northeast-1' });
    const role = roleSchema.parse({
      name: 'stg', identity: 'bench', roleArn: ROLE_ARN, externalId: 'ext-bench', env: 'stg', mfa: true, region: 'ap-northeast-1',
    });
    await saveIdentityKey(services.secrets, identity, DEV.secretAccessKey);
    await services.configStore.update((c) => ({ ...c, identities: [identity], roles: [role] }));
    await services.sessions.startMfaSession('bench', emulator.totp(DEV.mfa.serial));
    // The app holds a live session of stg and has written its profile (file mode).
    await services.engine.activate('stg');
    await writeFile(
      join(home, 'config'),
      `[profile stg]\nregion = ap-northeast-1\n\n[profile cp-stg]\nregion = ap-northeast-1\ncredential_process = ${process.execPath} ${CLI_ENTRY} credential-process stg\n`,
    );

    const nodeFloor = () => runProcess(['-e', '0'], env);
    const withApp = () => runProcess([CLI_ENTRY, 'credential-process', 'stg'], env);
    const withoutApp = () => runProcess([CLI_ENTRY, 'credential-process', 'stg'], { ...env, STS_TRAY_SOCKET: 'off' });
    const aws = debianAwsCli();
    const awsWith = (profile: string) => () =>
      run(aws, ['sts', 'get-caller-identity', '--profile', profile, '--endpoint-url', emulator.url, '--output', 'json'], { env });
    const fileProfile = awsWith('stg');
    const processProfile = awsWith('cp-stg');
    for (const warm of [nodeFloor, withApp, withoutApp, fileProfile, processProfile]) await warm();

    const floorMs: number[] = [];
    const appMs: number[] = [];
    const noAppMs: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      floorMs.push(await timed(nodeFloor));
      appMs.push(await timed(withApp));
      noAppMs.push(await timed(withoutApp));
    }
    const fileMs: number[] = [];
    const processMs: number[] = [];
    const addedMs: number[] = [];
    for (let i = 0; i < AWS_RUNS; i += 1) {
      // Alternate which goes first, so neither always runs on a warmer machine.
      let file: number;
      let viaApp: number;
      if (i % 2 === 0) {
        file = await timed(fileProfile);
        viaApp = await timed(processProfile);
      } else {
        viaApp = await timed(processProfile);
        file = await timed(fileProfile);
      }
      fileMs.push(file);
      processMs.push(viaApp);
      addedMs.push(viaApp - file);
    }

    const figures = {
      node_e0_p50_ms: round(median(floorMs)),
      credential_process_app_p50_ms: round(median(appMs)),
      credential_process_app_vs_node_x: round(median(appMs) / median(floorMs)),
      credential_process_no_app_p50_ms: round(median(noAppMs)),
      credential_process_no_app_vs_node_x: round(median(noAppMs) / median(floorMs)),
      aws_file_profile_p50_ms: round(median(fileMs)),
      aws_credential_process_app_p50_ms: round(median(processMs)),
      aws_added_p50_ms: round(median(addedMs)),
      aws_credential_process_vs_file_x: round(median(processMs) / median(fileMs)),
      runs: { credential_process: RUNS, aws: AWS_RUNS },
    };
    const rows: Array<[string, string, string]> = [
      ['(d) node -e 0', `${figures.node_e0_p50_ms} ms`, 'the floor of a command in Node'],
      ['(e) credential-process, app running (socket)', `${figures.credential_process_app_p50_ms} ms`, `${figures.credential_process_app_vs_node_x}× node -e 0 (target ≤ 1.25×)`],
      ['(f) credential-process, no app (keychain + STS)', `${figures.credential_process_no_app_p50_ms} ms`, `${figures.credential_process_no_app_vs_node_x}× node -e 0`],
      ['(g) aws sts get-caller-identity, file profile', `${figures.aws_file_profile_p50_ms} ms`, ''],
      ['(g) same, credential_process via the app', `${figures.aws_credential_process_app_p50_ms} ms`, `+${figures.aws_added_p50_ms} ms (median of paired differences), ${figures.aws_credential_process_vs_file_x}× (target ≤ 1.28×, +214 ms)`],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`${'case'.padEnd(width)}  p50        notes`);
    for (const [name, p50, note] of rows) console.log(`${name.padEnd(width)}  ${p50.padEnd(9)}  ${note}`);
    console.log(JSON.stringify(figures));
  } finally {
    await server.close();
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
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} exited ${code}: ${stderr.trim()}`))));
  });
}

await main();
