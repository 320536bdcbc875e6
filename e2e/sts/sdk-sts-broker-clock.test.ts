// The SDK STS broker on an injected clock, against the STS emulator over loopback HTTP on
// the same clock: requests are signed by that clock, not by Date.now(), so virtual time
// (the renewal benchmark, a day ahead of the machine) works without skew errors, and a
// real server skew is still learned — relative to that clock.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SdkStsBroker } from '../../electron/adapters/sdk-sts-broker.js';
import type { Clock } from '../../electron/core/ports.js';
import { DEPLOYER, DEV, EXTERNAL_ID, MFA_SERIAL, fixtureOptions } from '../rig/sts-emulator/fixtures.js';
import { startStsEmulator, type StsEmulator } from '../rig/sts-emulator/sts-emulator.js';

const REGION = 'ap-northeast-1';
const H = 3_600_000;
const MIN = 60_000;
const devKey = { accessKeyId: DEV.accessKeyId, secretAccessKey: DEV.secretAccessKey };

/** A clock a day ahead of the machine that moves only when told, like the benchmark's. */
class HandClock implements Clock {
  private at = Date.now() + 24 * H;
  now(): number {
    return this.at;
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

describe('SdkStsBroker on an injected clock', () => {
  let clock: HandClock;
  let emulator: StsEmulator;
  let brokers: SdkStsBroker[];

  beforeEach(async () => {
    clock = new HandClock();
    emulator = await startStsEmulator(fixtureOptions({ now: () => clock.now() }));
    brokers = [];
  });
  afterEach(async () => {
    for (const b of brokers) b.close();
    await emulator.close();
  });

  const brokerOn = (own: Clock | undefined) => {
    const broker = new SdkStsBroker({ endpoint: emulator.url, clock: own });
    brokers.push(broker);
    return broker;
  };
  const mfaSession = (broker: SdkStsBroker) =>
    broker.getSessionToken({
      credentials: devKey, region: REGION, durationSeconds: 12 * 3600, serialNumber: MFA_SERIAL, tokenCode: emulator.totp(MFA_SERIAL),
    });
  const assumeDeployer = (broker: SdkStsBroker, credentials: Parameters<SdkStsBroker['assumeRole']>[0]['credentials']) =>
    broker.assumeRole({
      credentials, region: REGION, roleArn: DEPLOYER.arn, roleSessionName: 'sts-tray-dev', durationSeconds: 3600, externalId: EXTERNAL_ID,
    });
  const outcomes = () => emulator.calls.map((c) => `${c.action}:${c.errorCode ?? 'ok'}`);

  it('a clock 24 h ahead signs so an emulator on the same clock accepts the first try', async () => {
    const broker = brokerOn(clock);
    const session = await mfaSession(broker);
    const role = await assumeDeployer(broker, session);
    expect(outcomes()).toEqual(['GetSessionToken:ok', 'AssumeRole:ok']);
    // The Date header has whole seconds: the skew learned is under a second.
    expect(Math.abs(session.serverClockOffsetMs)).toBeLessThan(1_000);
    expect(Math.abs(role.serverClockOffsetMs)).toBeLessThan(1_000);
    expect(session.expiresAt - clock.now()).toBeGreaterThan(12 * H - 5_000);
    expect(role.expiresAt - clock.now()).toBeGreaterThan(H - 5_000);
  });

  it('a warm client keeps signing right after its clock moves 11 h while the machine’s moved milliseconds', async () => {
    const broker = brokerOn(clock);
    const session = await mfaSession(broker);
    await assumeDeployer(broker, session);
    for (let i = 0; i < 11; i += 1) {
      clock.advance(H);
      const role = await assumeDeployer(broker, session);
      expect(role.expiresAt - clock.now()).toBeGreaterThan(H - 5_000);
    }
    expect(outcomes().filter((o) => !o.endsWith(':ok'))).toEqual([]);
    expect(emulator.calls).toHaveLength(13);
  });

  it('without the clock, the same emulator looks 24 h off: one refused call, then a 24 h skew', async () => {
    const broker = brokerOn(undefined);
    const session = await mfaSession(broker);
    expect(outcomes()).toEqual(['GetSessionToken:SignatureDoesNotMatch', 'GetSessionToken:ok']);
    expect(Math.abs(session.serverClockOffsetMs - 24 * H)).toBeLessThan(5_000);
  });

  it('a server 20 min ahead of the injected clock: the skew is learned relative to it and used for expiry', async () => {
    emulator.setClockSkewMs(20 * MIN);
    const broker = brokerOn(clock);
    const session = await mfaSession(broker);
    expect(outcomes()).toEqual(['GetSessionToken:SignatureDoesNotMatch', 'GetSessionToken:ok']);
    expect(Math.abs(session.serverClockOffsetMs - 20 * MIN)).toBeLessThan(5_000);
    // Each client learns for itself (the session's client is not the long-lived key's).
    await assumeDeployer(broker, session);
    clock.advance(2 * H);
    emulator.resetCalls();
    const role = await assumeDeployer(broker, session);
    expect(outcomes()).toEqual(['AssumeRole:ok']);
    expect(Math.abs(role.serverClockOffsetMs - 20 * MIN)).toBeLessThan(5_000);
    expect(role.expiresAt - (clock.now() + role.serverClockOffsetMs)).toBeGreaterThan(H - 5_000);
  });
});
