// `npm run bench:renewal`: 1,000 roles (10 identities × 100) kept fresh for 24 h of virtual
// time by the real renewal engine, against the STS emulator over loopback HTTP on the same
// virtual clock, through the SDK broker, the real keychain (a throw-away service) and the
// real credentials file. A simulated user answers each MFA prompt with the device's code.
// Prints a table, then one JSON line with the figures. The targets: staleness 0 s,
// STS calls ≤ 1.05 × minimum, the whole run < 10 s of CPU.
//
// Knobs (environment): BENCH_RENEWAL_IDENTITIES, BENCH_RENEWAL_ROLES_PER_IDENTITY,
// BENCH_RENEWAL_HOURS, BENCH_RENEWAL_ROLE_SECONDS, BENCH_RENEWAL_SECRETS=memory (an
// in-memory keychain instead of the real one, to compare), BENCH_RENEWAL_SETUP=activate
// (activate the roles one by one, one file write each, instead of a tray restart taking
// over a file that already holds them), BENCH_RENEWAL_JITTER=none (no renewal jitter: a
// diagnosis of what the waves cost, not what ships).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStsEmulator } from '../e2e/rig/sts-emulator/sts-emulator.js';
import { KeytarSecretStore } from '../electron/adapters/keytar-secret-store.js';
import { NodeFileStore } from '../electron/adapters/node-file-store.js';
import { SdkStsBroker } from '../electron/adapters/sdk-sts-broker.js';
import { ChunkedSecretStore } from '../electron/core/chunked-secrets.js';
import { AwsProfileStore } from '../electron/core/credentials-file/aws-profile-store.js';
import type { ErrorCode } from '../electron/core/errors.js';
import { saveIdentityKey } from '../electron/core/identity-keys.js';
import type { SecretStore } from '../electron/core/ports.js';
import type { RenewalEvent } from '../electron/core/renewal/renewal-events.js';
import { composeRenewal } from '../electron/core/compose-services.js';
import { profileWrites } from '../electron/core/sessions.js';
import { MemorySecretStore } from '../electron/core/testing/memory-secret-store.js';
import { VirtualTime, flush } from '../electron/core/testing/virtual-time.js';
import { seededRandom } from '../electron/core/testing/seeded-random.js';
import { buildFleet } from './renewal-fleet.js';
import { CountingFileStore, StalenessProbe, checkProbe, cpuSinceUs } from './renewal-meters.js';
import { minimumCalls } from './renewal-minimum.js';
import { round } from './stats.js';

const IDENTITIES = Number(process.env.BENCH_RENEWAL_IDENTITIES ?? 10);
const ROLES_PER_IDENTITY = Number(process.env.BENCH_RENEWAL_ROLES_PER_IDENTITY ?? 100);
const HOURS = Number(process.env.BENCH_RENEWAL_HOURS ?? 24);
const ROLE_SECONDS = Number(process.env.BENCH_RENEWAL_ROLE_SECONDS ?? 3600);
const MFA_SESSION_SECONDS = 43_200;
const REGION = 'ap-northeast-1';
const MIN = 60_000;
const START = Date.UTC(2026, 10, 23, 8, 0, 0);

async function main(): Promise<void> {
  const inMemorySecrets = process.env.BENCH_RENEWAL_SECRETS === 'memory';
  const activateOneByOne = process.env.BENCH_RENEWAL_SETUP === 'activate';
  const jitter = process.env.BENCH_RENEWAL_JITTER !== 'none';
  if (!inMemorySecrets && process.platform === 'linux' && !process.env.STS_TRAY_TEST_KEYRING) {
    throw new Error('run through `npm run bench:renewal`, which starts a private keyring (or set BENCH_RENEWAL_SECRETS=memory)');
  }
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const fleet = buildFleet({
    identities: IDENTITIES, rolesPerIdentity: ROLES_PER_IDENTITY, roleSeconds: ROLE_SECONDS, mfaSessionSeconds: MFA_SESSION_SECONDS, region: REGION,
  });
  const config = fleet.config;
  const time = new VirtualTime(START);
  const emulator = await startStsEmulator({ users: fleet.users, roles: fleet.roles, now: () => time.now(), region: REGION });
  const home = await mkdtemp(join(tmpdir(), 'sts-tray-bench-renewal-'));
  const paths = { credentials: join(home, '.aws', 'credentials'), config: join(home, '.aws', 'config') };
  const service = `sts-tray-bench-renewal-${process.pid}`;
  const secrets: SecretStore = inMemorySecrets ? new MemorySecretStore() : new ChunkedSecretStore(new KeytarSecretStore(service));
  const files = new CountingFileStore(new NodeFileStore());
  const profiles = new AwsProfileStore(files, paths);
  const sts = new SdkStsBroker({ endpoint: emulator.url, clock: time });
  const { sessions, engine } = composeRenewal({ config: () => config, secrets, sts, profiles, clock: time, timers: time, random: jitter ? seededRandom(3) : () => 0 });
  const probe = new StalenessProbe(files, paths.credentials);

  // The simulated user: enters the device's current code when warned that an MFA session
  // ends soon, and when a renewal stops for want of one (the tray would prompt then too).
  const answers = new Set<Promise<void>>();
  const answering = new Set<string>();
  const prompts = { warnings: 0, needsMfa: 0, codesEntered: 0 };
  const failures = new Map<ErrorCode, number>();
  const renewedAt: number[] = [];
  let expiredEvents = 0;
  const answer = (identity: string) => {
    if (answering.has(identity)) return;
    const serial = fleet.serials.get(identity);
    if (!serial) return;
    answering.add(identity);
    prompts.codesEntered += 1;
    const done = engine
      .provideMfaCode(identity, emulator.totp(serial, time.now()))
      .catch((error: unknown) => {
        failures.set('invalid-mfa', (failures.get('invalid-mfa') ?? 0) + 1);
        process.stderr.write(`bench: the code for ${identity} was refused: ${error instanceof Error ? error.message : String(error)}\n`);
      })
      .finally(() => {
        answering.delete(identity);
        answers.delete(done);
      });
    answers.add(done);
  };
  engine.on((event: RenewalEvent) => {
    if (event.type === 'renewed') renewedAt.push(event.at);
    else if (event.type === 'expired') expiredEvents += 1;
    else if (event.type === 'mfa-expiring') {
      prompts.warnings += 1;
      answer(event.identity);
    } else if (event.type === 'failed') {
      failures.set(event.code, (failures.get(event.code) ?? 0) + 1);
      if (event.code === 'needs-mfa') {
        prompts.needsMfa += 1;
        const identity = config.roles.find((r) => r.name === event.role)?.identity;
        if (identity) answer(identity);
      }
    }
  });
  const settle = async () => {
    do {
      await flush();
      await Promise.all([...answers]);
      await engine.idle();
    } while (answers.size > 0);
  };

  try {
    // Setup, virtual time standing still: keys into the keychain, one MFA session per
    // identity, every role assumed and written in one write, then the engine takes the
    // profiles over as a restarted tray does. (Or every role activated through the engine.)
    const setupWall = process.hrtime.bigint();
    const setupCpu = process.cpuUsage();
    const keychainStart = process.hrtime.bigint();
    for (const identity of config.identities) await saveIdentityKey(secrets, identity, fleet.secrets.get(identity.name) ?? '');
    const keychainSaveMs = Number(process.hrtime.bigint() - keychainStart) / 1e6 / config.identities.length;
    const code = (identity: string) => emulator.totp(fleet.serials.get(identity) ?? '', time.now());
    if (activateOneByOne) {
      for (const identity of config.identities) {
        const roles = config.roles.filter((r) => r.identity === identity.name);
        for (const [i, role] of roles.entries()) await engine.activate(role.name, i === 0 ? code(identity.name) : undefined);
      }
    } else {
      for (const identity of config.identities) await sessions.startMfaSession(identity.name, code(identity.name));
      const assumed = await Promise.all(config.roles.map((role) => sessions.roleSession(role.name)));
      await profiles.write(assumed.flatMap((session) => profileWrites(session)));
      await engine.start();
    }
    const setup = {
      wallMs: Number(process.hrtime.bigint() - setupWall) / 1e6,
      cpuMs: cpuSinceUs(setupCpu) / 1000,
      credentialsWrites: files.writesTo(paths.credentials),
      configWrites: files.writesTo(paths.config),
    };

    // The day: one virtual minute at a time; a sample after every timer callback and minute.
    const callsBefore = emulator.calls.length;
    const writesBefore = files.writesTo(paths.credentials);
    const configWritesBefore = files.writesTo(paths.config);
    const runWall = process.hrtime.bigint();
    const runCpu = process.cpuUsage();
    const sampleAfter = async () => {
      await settle();
      probe.sample(time.now());
    };
    for (let minute = 0; minute < HOURS * 60; minute += 1) await time.advance(MIN, sampleAfter);
    const run = {
      wallMs: Number(process.hrtime.bigint() - runWall) / 1e6,
      cpuMs: cpuSinceUs(runCpu) / 1000,
    };
    engine.stop();
    await checkProbe(probe, profiles, config.roles.length);

    const allCalls = emulator.calls;
    const dayCalls = allCalls.slice(callsBefore);
    const ok = (action: string) => allCalls.filter((c) => c.action === action && c.status === 200).length;
    const minimum = minimumCalls({
      identities: config.identities.length,
      roles: config.roles.length,
      roleSeconds: ROLE_SECONDS,
      mfaSessionSeconds: MFA_SESSION_SECONDS,
      renewalLeadSeconds: config.preferences.renewalLeadSeconds,
      windowMs: HOURS * 60 * MIN,
    });
    const waves = new Set(renewedAt).size;
    const credentialsWrites = files.writesTo(paths.credentials) - writesBefore;
    const figures = {
      roles: config.roles.length,
      identities: config.identities.length,
      virtual_hours: HOURS,
      keychain: inMemorySecrets ? 'memory' : 'os',
      wall_ms: round(setup.wallMs + run.wallMs, 0),
      cpu_ms: round(setup.cpuMs + run.cpuMs, 0),
      cpu_ms_without_probe: round(setup.cpuMs + run.cpuMs - probe.cpuUs / 1000, 0),
      setup_wall_ms: round(setup.wallMs, 0),
      setup_cpu_ms: round(setup.cpuMs, 0),
      day_wall_ms: round(run.wallMs, 0),
      day_cpu_ms: round(run.cpuMs, 0),
      probe_cpu_ms: round(probe.cpuUs / 1000, 0),
      sts_calls: allCalls.length,
      sts_calls_minimum: minimum.total,
      sts_calls_ratio: round(allCalls.length / minimum.total, 4),
      assume_role_ok: ok('AssumeRole'),
      get_session_token_ok: ok('GetSessionToken'),
      sts_errors: dayCalls.filter((c) => c.status !== 200).length,
      minimum_assume_role: minimum.assumeRole,
      minimum_get_session_token: minimum.getSessionToken,
      renewals: renewedAt.length,
      waves,
      credentials_writes: credentialsWrites,
      config_writes: files.writesTo(paths.config) - configWritesBefore,
      setup_credentials_writes: setup.credentialsWrites,
      worst_staleness_s: round(probe.worstMs / 1000, 0),
      stale_samples: probe.staleSamples,
      samples: probe.samples,
      expired_events: expiredEvents,
      timer_callbacks: time.callbacks,
      mfa_warnings: prompts.warnings,
      mfa_needs_code_prompts: prompts.needsMfa,
      mfa_codes_entered: prompts.codesEntered,
      failures: Object.fromEntries(failures),
      keychain_save_ms: round(keychainSaveMs, 1),
    };
    const rows: Array<[string, string, string]> = [
      ['wall time (setup + 24 h)', `${figures.wall_ms} ms`, `setup ${figures.setup_wall_ms} ms, day ${figures.day_wall_ms} ms`],
      ['CPU time (process.cpuUsage)', `${figures.cpu_ms} ms`, `${figures.cpu_ms_without_probe} ms without the staleness probe (target < 10,000)`],
      ['STS calls vs minimum', `${figures.sts_calls} / ${figures.sts_calls_minimum}`, `${figures.sts_calls_ratio}× (target ≤ 1.05); ${figures.sts_errors} errors in the day`],
      ['credentials-file writes vs waves', `${figures.credentials_writes} / ${figures.waves}`, `${figures.renewals} renewals; ${figures.setup_credentials_writes} writes activating`],
      ['worst staleness', `${figures.worst_staleness_s} s`, `${figures.stale_samples} stale of ${figures.samples} samples (target 0 s)`],
      ['timer callbacks', `${figures.timer_callbacks}`, `in ${HOURS * 60} virtual minutes`],
      ['MFA codes entered', `${figures.mfa_codes_entered}`, `${figures.mfa_warnings} warnings, ${figures.mfa_needs_code_prompts} renewals stopped for a code`],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    console.log(`${'figure'.padEnd(width)}  ${'value'.padEnd(15)}  notes`);
    for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(15)}  ${note}`);
    console.log(JSON.stringify(figures));
  } finally {
    engine.stop();
    sts.close();
    if (!inMemorySecrets) for (const account of await secrets.list()) await secrets.delete(account);
    await emulator.close();
    await rm(home, { recursive: true, force: true });
  }
}

await main();
