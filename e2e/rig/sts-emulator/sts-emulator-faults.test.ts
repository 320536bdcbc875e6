// Injected faults as @aws-sdk/client-sts experiences them: the SDK's retries, its error
// types, and what a lost reply does to a one-time MFA code.

import { GetCallerIdentityCommand, GetSessionTokenCommand, RegionDisabledException, STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { DEV, MFA_SERIAL, fixtureOptions } from './fixtures.js';
import { startStsEmulator, type StsEmulator } from './sts-emulator.js';

let emulator: StsEmulator;

function sts(maxAttempts?: number): STSClient {
  return new STSClient({
    endpoint: emulator.url,
    region: 'ap-northeast-1',
    credentials: { accessKeyId: DEV.accessKeyId, secretAccessKey: DEV.secretAccessKey },
    ...(maxAttempts ? { maxAttempts } : {}),
  });
}

const whoAmI = (client = sts()) => client.send(new GetCallerIdentityCommand({}));
const statuses = (): (readonly [number, string | undefined])[] => emulator.calls.map((c) => [c.status, c.errorCode] as const);

beforeEach(async () => {
  emulator = await startStsEmulator(fixtureOptions());
});

afterEach(async () => {
  await emulator.close();
});

describe('STS emulator faults', () => {
  it('throttles twice, then the SDK’s default retry gets through on its third attempt', async () => {
    emulator.injectFault({ kind: 'throttle', times: 2 });
    const out = await whoAmI();
    expect(out.$metadata.attempts).toBe(3);
    expect(statuses()).toEqual([
      [400, 'Throttling'],
      [400, 'Throttling'],
      [200, undefined],
    ]);
  });

  it.each([
    [500, 'InternalFailure'],
    [503, 'ServiceUnavailable'],
  ] as const)('answers %i %s once, which the SDK retries', async (status, code) => {
    emulator.injectFault({ kind: 'server-error', status });
    await whoAmI();
    expect(statuses()).toEqual([
      [status, code],
      [200, undefined],
    ]);
  });

  it('drops the connection: the SDK sees a reset and retries', async () => {
    emulator.injectFault({ kind: 'drop' });
    await whoAmI();
    expect(emulator.calls.map((c) => [c.status, c.fault])).toEqual([
      [0, 'drop'],
      [200, undefined],
    ]);
  });

  it('drops the connection of a single-attempt client as a network error, not an STS error', async () => {
    emulator.injectFault({ kind: 'drop' });
    await expect(whoAmI(sts(1))).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  it('uses up the MFA code of a request whose reply was lost, so the SDK’s retry of it is refused', async () => {
    emulator.injectFault({ kind: 'drop', action: 'GetSessionToken', afterProcessing: true });
    const request = new GetSessionTokenCommand({ SerialNumber: MFA_SERIAL, TokenCode: emulator.totp(MFA_SERIAL) });
    await expect(sts().send(request)).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(emulator.calls.map((c) => [c.action, c.status])).toEqual([
      ['GetSessionToken', 0],
      ['GetSessionToken', 403],
    ]);
    expect(emulator.issued()).toHaveLength(1); // the first attempt did issue a session nobody received
  });

  it.each([
    ['expired-token', 'ExpiredToken', 403],
    ['region-disabled', 'RegionDisabledException', 403],
  ] as const)('answers %s as %s, which the SDK does not retry', async (kind, name, status) => {
    emulator.injectFault({ kind });
    const error: unknown = await whoAmI().catch((e: unknown) => e);
    expect(error).toMatchObject({ name, $metadata: { httpStatusCode: status } });
    if (kind === 'region-disabled') expect(error).toBeInstanceOf(RegionDisabledException);
    expect(emulator.calls).toHaveLength(1);
  });

  it('delays a request by the given latency, then answers normally', async () => {
    emulator.injectFault({ kind: 'latency', ms: 300 });
    const started = performance.now();
    await whoAmI();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(emulator.calls.map((c) => [c.status, c.fault])).toEqual([[200, 'latency']]);
  });

  it('applies a fault only to the action it names, and clearFaults drops what is queued', async () => {
    emulator.injectFault({ kind: 'throttle', action: 'AssumeRole', times: 5 });
    await whoAmI(sts(1));
    emulator.clearFaults();
    emulator.injectFault({ kind: 'throttle', times: 3 });
    emulator.clearFaults();
    await whoAmI(sts(1));
    expect(statuses()).toEqual([
      [200, undefined],
      [200, undefined],
    ]);
  });

  it('records each call with its key id, and forgets them on resetCalls', async () => {
    await whoAmI();
    expect(emulator.calls).toEqual([
      expect.objectContaining({ action: 'GetCallerIdentity', accessKeyId: DEV.accessKeyId, status: 200 }),
    ]);
    emulator.resetCalls();
    expect(emulator.calls).toEqual([]);
  });
});
