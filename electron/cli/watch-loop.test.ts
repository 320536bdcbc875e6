import { beforeEach, describe, expect, it } from 'vitest';
import { activateRole } from '../core/activation.js';
import { AwsProfileStore } from '../core/credentials-file/aws-profile-store.js';
import { saveIdentityKey } from '../core/identity-keys.js';
import { appConfigSchema, type AppConfig } from '../core/model.js';
import type { RenewalEvent } from '../core/renewal/renewal-events.js';
import { composeRenewal } from '../core/compose-services.js';
import { SessionService } from '../core/sessions.js';
import { FakeStsBroker } from '../core/testing/fake-sts-broker.js';
import { MemoryFileStore } from '../core/testing/memory-file-store.js';
import { MemorySecretStore } from '../core/testing/memory-secret-store.js';
import { VirtualTime, flush } from '../core/testing/virtual-time.js';
import type { CliIo } from './cli-io.js';
import { parseCommand } from './parse-command.js';
import { eventLine } from './watch-lines.js';
import { runWatch } from './watch-loop.js';

const PATHS = { credentials: '/h/.aws/credentials', config: '/h/.aws/config' };
const S = 1000;
const MIN = 60_000;
const H = 3_600_000;

const local = (h: number, m: number, s: number) => new Date(2026, 10, 23, h, m, s).getTime();

describe('eventLine', () => {
  const at = local(9, 0, 5);
  it.each<[RenewalEvent, string]>([
    [{ type: 'renewed', role: 'tes', expiresAt: local(9, 0, 25), at }, '09:00:05 renewed tes: valid until 09:00:25'],
    [
      { type: 'failed', role: 'tes', identity: 'dev', code: 'network', message: 'STS could not be reached', retryAt: local(9, 0, 8), at },
      '09:00:05 tes renewal failed (network): STS could not be reached; retrying at 09:00:08',
    ],
    [
      { type: 'failed', role: 'prd', identity: 'dev', code: 'access-denied', message: 'not allowed', retryAt: null, at },
      '09:00:05 prd renewal failed (access-denied): not allowed; not retrying until you fix this',
    ],
    [
      { type: 'failed', role: 'tes', identity: 'dev', code: 'needs-mfa', message: 'no MFA session for "dev" is active', retryAt: null, at },
      '09:00:05 tes renewal needs an MFA code: no MFA session for "dev" is active',
    ],
    [
      { type: 'mfa-expiring', identity: 'dev', expiresAt: local(9, 15, 5), leadSeconds: 900, at },
      '09:00:05 the MFA session of dev ends at 09:15:05 (in 15 min); renewals after that need a new code',
    ],
    [{ type: 'expired', role: 'stg', at }, '09:00:05 stg expired: its profile no longer works until it is renewed'],
    [
      { type: 'clock-jump', deltaMs: 3 * H, at },
      '09:00:05 the clock jumped forward 3 h 0 min (sleep or clock change): checking every role now',
    ],
    [{ type: 'clock-jump', deltaMs: -90 * S, at }, '09:00:05 the clock jumped back 90 s (sleep or clock change): checking every role now'],
  ])('%j', (event, line) => {
    expect(eventLine(event)).toBe(line);
  });
});

describe('parseCommand: watch', () => {
  it.each([
    [['watch'], []],
    [['watch', 'tes', 'stg', '--mfa-code', '123456'], ['tes', 'stg']],
  ])('%j', (argv, args) => {
    const parsed = parseCommand(argv);
    expect(parsed).toMatchObject({ command: 'watch', args });
    expect(parsed.options['mfa-code']).toBe(argv.includes('--mfa-code') ? '123456' : undefined);
  });
});

function fakeIo(interactive: boolean, answers: string[] = []) {
  const out: string[] = [];
  const asked: string[] = [];
  const io: CliIo = {
    out: (text) => out.push(text),
    err: (text) => out.push(text),
    interactive,
    readSecret: () => Promise.reject(new Error('not used')),
    ask: (prompt) => {
      asked.push(prompt);
      const answer = answers.shift();
      // Nobody at the keyboard: the prompt stays open.
      return answer === undefined ? new Promise<string>(() => {}) : Promise.resolve(answer);
    },
  };
  return { io, asked, text: () => out.join('') };
}

describe('runWatch (real engine, virtual time, fake STS)', () => {
  let time: VirtualTime;
  let sts: FakeStsBroker;
  let secrets: MemorySecretStore;
  let files: MemoryFileStore;
  let config: AppConfig;

  const configWith = (preferences: Record<string, unknown>) =>
    appConfigSchema.parse({
      version: 1,
      identities: [{ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001', mfaSerial: 'arn:aws:iam::111111111111:mfa/dev', mfaSessionSeconds: 3600 }],
      roles: [{ name: 'tes', env: 'tes', identity: 'dev', mfa: true, durationSeconds: 900, roleArn: 'arn:aws:iam::222222222222:role/tes-deployer' }],
      preferences,
    });

  /** What another sts-tray process shares with this one: the keychain, the files, STS. */
  const sessionsOf = () =>
    new SessionService({ config: () => config, secrets, sts, clock: time });

  function start(opts: { interactive: boolean; answers?: string[]; roles?: string[]; mfaCode?: string }) {
    const { engine } = composeRenewal({
      config: () => config,
      secrets,
      sts,
      profiles: new AwsProfileStore(files, PATHS),
      clock: time,
      timers: time,
      random: () => 0,
    });
    const { io, asked, text } = fakeIo(opts.interactive, opts.answers);
    let stop: () => void = () => {};
    let outcome: unknown = 'running';
    const done = runWatch({
      engine,
      config: async () => config,
      io,
      clock: time,
      timers: time,
      roles: opts.roles ?? ['tes'],
      mfaCode: opts.mfaCode,
      stop: new Promise<void>((resolve) => (stop = resolve)),
    }).then(
      () => (outcome = 'stopped'),
      (error: unknown) => (outcome = error),
    );
    const settle = async () => {
      await flush();
      await engine.idle();
      await flush();
    };
    const finish = async () => {
      stop();
      await done;
      return outcome;
    };
    return { engine, asked, text, settle, finish, outcome: () => outcome };
  }

  beforeEach(async () => {
    time = new VirtualTime(local(9, 0, 0));
    sts = new FakeStsBroker(time);
    secrets = new MemorySecretStore();
    files = new MemoryFileStore();
    config = configWith({ mfaWarningLeadSeconds: [] });
    for (const identity of config.identities) await saveIdentityKey(secrets, identity, 'fake-secret-dev-000000000');
  });

  it('activates the named role with the given code, renews it before expiry, and stops cleanly', async () => {
    const w = start({ interactive: false, mfaCode: '123456' });
    await w.settle();
    expect(w.text()).toBe('09:00:00 watching tes (active, valid until 09:15:00, next renewal 09:10:00); Ctrl-C stops\n');
    await time.advance(10 * MIN, w.settle);
    expect(w.text()).toContain('09:10:00 renewed tes: valid until 09:25:00\n');
    expect([sts.count('GetSessionToken'), sts.count('AssumeRole')]).toEqual([1, 2]);

    expect(await w.finish()).toBe('stopped');
    expect(w.text().trimEnd().split('\n').at(-1)).toBe('09:10:00 stopped; renewals end here (still valid: tes until 09:25:00)');
    expect(time.nextTimerAt()).toBeNull(); // no heartbeat, no renewal timer: the process can exit
    await time.advance(2 * H, w.settle);
    expect(sts.count('AssumeRole')).toBe(2);
  });

  it('after the machine slept, the heartbeat has the overdue role renewed within a minute', async () => {
    const w = start({ interactive: false, mfaCode: '123456' });
    await w.settle();
    time.sleep(30 * MIN); // wall clock moves, timers stand still: tes expired meanwhile
    await time.advance(1 * MIN, w.settle);
    expect(w.text()).toContain('09:31:00 the clock jumped forward 30 min (sleep or clock change)');
    expect(w.text()).toContain('09:31:00 renewed tes: valid until 09:46:00');
    await w.finish();
  });

  it('without a terminal, says how to provide a code and picks the session up from the keychain', async () => {
    const w = start({ interactive: false });
    await w.settle();
    expect(w.text()).toContain(
      '09:00:00 tes waits for an MFA code of dev, and this terminal cannot ask for one: in another terminal run  sts-tray assume tes --mfa-code CODE',
    );
    expect(w.text()).toContain('watching tes (waiting for an MFA code)');
    expect(w.asked).toEqual([]);
    await time.advance(30 * S, w.settle);
    expect(sts.calls).toHaveLength(0); // looking in the keychain costs no STS call
    await activateRole({ sessions: sessionsOf(), profiles: new AwsProfileStore(files, PATHS) }, 'tes', '234567'); // `sts-tray assume` in another terminal
    await time.advance(5 * S, w.settle);
    expect(w.text()).toMatch(/09:00:35 found a new MFA session of dev in the keychain: valid until 10:00:30 \(60 min\)\n09:00:35 tes active: valid until 09:15:35\n/);
    expect(sts.count('GetSessionToken')).toBe(1);
    await time.advance(10 * MIN, w.settle);
    expect(w.text()).toContain('renewed tes');
    expect(w.text().match(/waits for an MFA code/g)).toHaveLength(1);
    await w.finish();
  });

  it('on a terminal, asks for the code at start and again when the MFA session has ended', async () => {
    const w = start({ interactive: true, answers: ['123456', '345678'] });
    await w.settle();
    expect(w.asked).toEqual(['MFA code for dev: ']);
    expect(w.text()).toContain('09:00:00 MFA session of dev started: valid until 10:00:00 (60 min)\n09:00:00 tes active: valid until 09:15:00\n');
    // Renewals at :10, :20 … :50 use the MFA session; at 10:00 it has ended.
    await time.advance(60 * MIN, w.settle);
    expect(w.text()).toContain('10:00:00 tes renewal needs an MFA code');
    expect(w.asked).toEqual(['MFA code for dev: ', 'MFA code for dev: ']);
    expect(w.text()).toContain('10:00:00 MFA session of dev started: valid until 11:00:00 (60 min)\n10:00:00 renewed tes: valid until 10:15:00\n');
    expect(sts.count('GetSessionToken')).toBe(2);
    await w.finish();
  });

  it('on a terminal, asks ahead when the MFA session is about to end, and starts the new session then', async () => {
    config = configWith({ mfaWarningLeadSeconds: [300] });
    const w = start({ interactive: true, answers: ['123456', '345678'] });
    await w.settle();
    await time.advance(55 * MIN, w.settle);
    expect(w.text()).toContain('09:55:00 the MFA session of dev ends at 10:00:00 (in 5 min)');
    expect(w.asked.at(-1)).toMatch(/^MFA code for dev \(starts a new MFA session now; Enter skips\): $/);
    expect(w.text()).toContain('09:55:00 MFA session of dev started: valid until 10:55:00 (60 min)');
    // Renewals go on past the old session's end without asking again.
    await time.advance(30 * MIN, w.settle);
    expect(w.text()).toContain('10:20:00 renewed tes');
    expect(w.text()).not.toContain('needs an MFA code');
    expect(sts.count('GetSessionToken')).toBe(2);
    await w.finish();
  });

  it('with no names, adopts the profiles sts-tray wrote, and uses the given code for the first MFA session needed', async () => {
    await activateRole({ sessions: sessionsOf(), profiles: new AwsProfileStore(files, PATHS) }, 'tes', '123456'); // an earlier `sts-tray assume`
    for (const account of await secrets.list()) if (account.startsWith('mfa-session')) await secrets.delete(account);
    await time.advance(11 * MIN);
    const w = start({ interactive: false, roles: [], mfaCode: '234567' });
    await w.settle();
    expect(w.text()).toContain('09:11:00 tes renewal needs an MFA code');
    expect(w.text()).toContain('09:11:00 MFA session of dev started: valid until 10:11:00 (60 min)');
    expect(w.text()).toContain('09:11:00 renewed tes: valid until 09:26:00');
    expect(w.text()).not.toContain('cannot ask');
    await w.finish();
  });

  it.each([
    [{ roles: [] }, /nothing to watch: no profile written by sts-tray was found/],
    [{ roles: ['tse'] }, /no role named "tse"/],
  ])('refuses to start with %j, naming why', async (opts, message) => {
    const w = start({ interactive: false, ...opts });
    await w.settle();
    expect(w.outcome()).toMatchObject({ message: expect.stringMatching(message) });
    expect(sts.calls).toHaveLength(0);
    expect(time.nextTimerAt()).toBeNull();
  });
});
