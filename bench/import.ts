// `npm run bench:import` (also run by `npm run bench`): the dry run of `sts-tray import` over
// a large existing setup — 10 key profiles and 200 role profiles (role_arn, source_profile,
// mfa_serial, external_id, duration, session name, region) with comments between them — side
// by side in one run with `node -e 0`, the floor of any Node command. Cases alternate round by
// round so they see the same machine load. Also the plan alone, in this process (read both
// files, parse, plan). Prints a table, then one JSON line with the figures.

import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { composeNodeServices } from '../electron/adapters/node-services.js';
import { planImport } from '../electron/core/import/import-plan.js';
import { CLI_ENTRY } from '../e2e/cli/run-cli-process.js';
import { median, round, timed } from './stats.js';

const run = promisify(execFile);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 15);
const KEY_PROFILES = 10;
const ROLE_PROFILES = 200;
const ENVS = ['tes', 'stg', 'prd'] as const;

/** A fake but realistic pair of files: fake keys, fake accounts. */
function generatedSetup(): { config: string; credentials: string } {
  const credentials: string[] = ['# long-lived keys, one per team member\n'];
  const config: string[] = ['[default]\nregion = ap-northeast-1\noutput = json\n\n'];
  for (let k = 0; k < KEY_PROFILES; k += 1) {
    const id = String(k).padStart(2, '0');
    credentials.push(`[user${id}]\naws_access_key_id = AKIAFAKEBENCHKEY00${id}\naws_secret_access_key = fakeBenchSecretKeyNotRealAtAll/000000${id}\n\n`);
    config.push(`[profile user${id}]\nregion = ap-northeast-1\nmfa_serial = arn:aws:iam::111111111111:mfa/user${id}\n\n`);
  }
  for (let r = 0; r < ROLE_PROFILES; r += 1) {
    const env = ENVS[r % ENVS.length] ?? 'tes';
    const account = `${200000000000 + (r % ENVS.length)}`;
    const user = String(r % KEY_PROFILES).padStart(2, '0');
    config.push(
      `# ${env} role ${r}\n[profile ${env}-service${r}]\nrole_arn = arn:aws:iam::${account}:role/${env}-service${r}\n` +
        `source_profile = user${user}\nmfa_serial = arn:aws:iam::111111111111:mfa/user${user}\nexternal_id = ext-${env}-${r}\n` +
        `duration_seconds = 3600\nrole_session_name = user${user}-${env}\nregion = ap-northeast-1\n\n`,
    );
  }
  return { config: config.join(''), credentials: credentials.join('') };
}

async function main(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'sts-tray-bench-import-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    STS_TRAY_HOME: join(home, 'app'),
    STS_TRAY_KEYCHAIN_SERVICE: `sts-tray-bench-import-${process.pid}`,
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
    AWS_CONFIG_FILE: join(home, 'config'),
    STS_TRAY_SOCKET: 'off',
  };
  try {
    const files = generatedSetup();
    await writeFile(join(home, 'config'), files.config, { mode: 0o600 });
    await writeFile(join(home, 'credentials'), files.credentials, { mode: 0o600 });
    const services = composeNodeServices(env, {});

    let planned = { identities: 0, roles: 0 };
    const planOnce = async () => {
      const { config, credentials } = await services.profiles.readBoth();
      const plan = planImport({ config, credentials, existing: await services.configStore.load() });
      planned = { identities: plan.identities.length, roles: plan.roles.length };
    };
    await planOnce();
    if (planned.identities !== KEY_PROFILES || planned.roles !== ROLE_PROFILES) {
      throw new Error(`the plan found ${planned.identities} identities and ${planned.roles} roles, expected ${KEY_PROFILES} and ${ROLE_PROFILES}`);
    }
    const dryRunOutput = (await run(process.execPath, [CLI_ENTRY, 'import'], { env })).stdout;
    if (!dryRunOutput.includes('Dry run: nothing was written')) throw new Error(`unexpected dry-run output:\n${dryRunOutput}`);

    const nodeStart: number[] = [];
    const dryRun: number[] = [];
    const inProcess: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      nodeStart.push(await timed(() => run(process.execPath, ['-e', '0'], { env })));
      dryRun.push(await timed(() => run(process.execPath, [CLI_ENTRY, 'import'], { env })));
      inProcess.push(await timed(planOnce));
    }

    const figures = {
      keyProfiles: KEY_PROFILES,
      roleProfiles: ROLE_PROFILES,
      runs: RUNS,
      nodeStartP50Ms: round(median(nodeStart)),
      importDryRunP50Ms: round(median(dryRun)),
      importDryRunOverNodeStart: round(median(dryRun) / median(nodeStart)),
      planInProcessP50Ms: round(median(inProcess)),
      dryRunTargetMs: 1000,
    };
    const rows: [string, string, string][] = [
      ['node -e 0', `${figures.nodeStartP50Ms} ms`, 'the floor of any Node command'],
      ['sts-tray import (dry run, CLI process)', `${figures.importDryRunP50Ms} ms`, `${figures.importDryRunOverNodeStart}× node -e 0; target ≤ 1,000 ms`],
      ['read + parse + plan (in process)', `${figures.planInProcessP50Ms} ms`, `${KEY_PROFILES} key profiles, ${ROLE_PROFILES} role profiles`],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    console.log(`${'case'.padEnd(width)}  p50        notes`);
    for (const [name, p50, note] of rows) console.log(`${name.padEnd(width)}  ${p50.padEnd(9)}  ${note}`);
    console.log(JSON.stringify(figures));
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

await main();
