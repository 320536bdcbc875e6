// StsBroker on @aws-sdk/client-sts. MFA calls are sent exactly once: a retry would
// resend a single-use code, which STS rejects, and burn the user's next attempt.
// Signing time follows an injectable clock (the system clock by default), so the broker
// also works under virtual time: the SDK signs with Date.now() + systemClockOffset, and
// the offset is set before each call from our clock plus the server skew learned so far.

import {
  AssumeRoleCommand,
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  STSClient,
  type Credentials as SdkCredentials,
} from '@aws-sdk/client-sts';
import { StsTrayError } from '../core/errors.js';
import type { CallerIdentity, Credentials, TemporaryCredentials } from '../core/model.js';
import type {
  AssumeRoleInput,
  Clock,
  DecodeAuthorizationMessageInput,
  DecodeOutcome,
  GetAccessKeyInfoInput,
  GetCallerIdentityInput,
  GetFederationTokenInput,
  GetSessionTokenInput,
  StsBroker,
  StsTools,
} from '../core/ports.js';
import { validateAssumeRole, validateSessionToken } from '../core/sts-input.js';
import { mapStsError, type StsCallContext } from './sts-error-map.js';

export interface SdkStsBrokerOptions {
  /** Override for tests and private endpoints; otherwise the regional STS endpoint. */
  readonly endpoint?: string | undefined;
  readonly connectTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** Attempts for calls without an MFA code (SDK standard retry with backoff). */
  readonly maxAttempts?: number;
  /**
   * The clock requests are signed by and expirations checked against; default the system
   * clock. Benchmarks and tests pass a virtual clock shared with an STS emulator.
   */
  readonly clock?: Clock | undefined;
}

/** How many session-credential clients to keep warm; long-lived keys never get one. */
const CLIENT_CACHE_SIZE = 32;

export class SdkStsBroker implements StsBroker, StsTools {
  private readonly clients = new Map<string, { client: STSClient; secret: string; token: string }>();
  /** Server clock minus our clock, in ms, as each client last learned it from STS. */
  private readonly skews = new WeakMap<STSClient, number>();
  private readonly clock: Clock;

  constructor(private readonly options: SdkStsBrokerOptions = {}) {
    this.clock = options.clock ?? { now: () => Date.now() };
  }

  async getSessionToken(input: GetSessionTokenInput): Promise<TemporaryCredentials> {
    validateSessionToken(input);
    const ctx = this.context('GetSessionToken', input.region, true);
    const client = this.client(input.credentials, input.region, 1);
    const output = await this.sendOnce(client, ctx, () =>
      this.signedByOurClock(client, () =>
        client.send(
          new GetSessionTokenCommand({
            DurationSeconds: input.durationSeconds,
            SerialNumber: input.serialNumber,
            TokenCode: input.tokenCode,
          }),
        ),
      ),
    );
    return this.toTemporary(output.Credentials, client, undefined);
  }

  async assumeRole(input: AssumeRoleInput): Promise<TemporaryCredentials> {
    validateAssumeRole(input);
    const withCode = input.tokenCode !== undefined;
    const ctx = this.context('AssumeRole', input.region, withCode, input.roleArn);
    const client = this.client(input.credentials, input.region, withCode ? 1 : this.attempts());
    const command = new AssumeRoleCommand({
      RoleArn: input.roleArn,
      RoleSessionName: input.roleSessionName,
      DurationSeconds: input.durationSeconds,
      ExternalId: input.externalId,
      SerialNumber: input.serialNumber,
      TokenCode: input.tokenCode,
    });
    const call = () => this.signedByOurClock(client, () => client.send(command));
    const output = withCode ? await this.sendOnce(client, ctx, call) : await send(ctx, call);
    return this.toTemporary(output.Credentials, client, output.AssumedRoleUser?.Arn);
  }

  async getCallerIdentity(input: GetCallerIdentityInput): Promise<CallerIdentity> {
    const ctx = this.context('GetCallerIdentity', input.region, false);
    const client = this.client(input.credentials, input.region, this.attempts());
    const output = await send(ctx, () => this.signedByOurClock(client, () => client.send(new GetCallerIdentityCommand({}))));
    if (!output.Account || !output.Arn || !output.UserId) {
      throw new StsTrayError('validation', 'STS answered GetCallerIdentity without an account or ARN');
    }
    return { account: output.Account, arn: output.Arn, userId: output.UserId };
  }

  async getAccessKeyInfo(input: GetAccessKeyInfoInput): Promise<string> {
    const ctx = this.context('GetAccessKeyInfo', input.region, false);
    const client = this.client(input.credentials, input.region, this.attempts());
    const command = new GetAccessKeyInfoCommand({ AccessKeyId: input.accessKeyId });
    const output = await send(ctx, () => this.signedByOurClock(client, () => client.send(command)));
    if (!output.Account) throw new StsTrayError('validation', 'STS answered GetAccessKeyInfo without an account');
    return output.Account;
  }

  async getFederationToken(input: GetFederationTokenInput): Promise<TemporaryCredentials> {
    const ctx = this.context('GetFederationToken', input.region, false);
    const client = this.client(input.credentials, input.region, this.attempts());
    const command = new GetFederationTokenCommand({ Name: input.name, DurationSeconds: input.durationSeconds, Policy: input.policy });
    const output = await send(ctx, () => this.signedByOurClock(client, () => client.send(command)));
    return this.toTemporary(output.Credentials, client, output.FederatedUser?.Arn);
  }

  async decodeAuthorizationMessage(input: DecodeAuthorizationMessageInput): Promise<DecodeOutcome> {
    const ctx = this.context('DecodeAuthorizationMessage', input.region, false);
    const client = this.client(input.credentials, input.region, this.attempts());
    const command = new DecodeAuthorizationMessageCommand({ EncodedMessage: input.encodedMessage });
    try {
      const output = await this.signedByOurClock(client, () => client.send(command));
      if (output.DecodedMessage === undefined) throw new StsTrayError('validation', 'STS answered DecodeAuthorizationMessage without a message');
      return { decoded: output.DecodedMessage };
    } catch (error) {
      if ((error as { name?: unknown }).name === 'InvalidAuthorizationMessageException') return { invalidMessage: true };
      throw mapStsError(error, ctx);
    }
  }

  /**
   * One attempt for a call carrying an MFA code. A clock-skew rejection is the one
   * exception: STS refused the signature before looking at the code, and the SDK has
   * just corrected its clock offset from the response, so one more try is safe.
   */
  private async sendOnce<T>(client: STSClient, ctx: StsCallContext, call: () => Promise<T>): Promise<T> {
    try {
      return await send(ctx, call);
    } catch (error) {
      if (error instanceof StsTrayError && error.code === 'clock-skew' && this.skewOf(client) !== 0) {
        return send(ctx, call);
      }
      throw error;
    }
  }

  /**
   * Runs one SDK call signed by our clock. The SDK keeps one absolute offset from the system
   * clock and resamples it from each response's Date header; we keep the part that is the
   * server's own skew relative to our clock, and rebuild the absolute offset before every
   * call, because our clock may have moved differently from the system clock in between.
   */
  private async signedByOurClock<T>(client: STSClient, call: () => Promise<T>): Promise<T> {
    const sent = this.ourClockMinusSystem() + this.skewOf(client);
    client.config.systemClockOffset = sent;
    try {
      return await call();
    } finally {
      // Only a resample by the SDK teaches anything. Recomputing when nothing changed would
      // count the real time the call took as skew whenever our clock stood still meanwhile.
      const offset = clockOffset(client);
      if (offset !== sent) this.skews.set(client, offset - this.ourClockMinusSystem());
    }
  }

  private skewOf(client: STSClient): number {
    return this.skews.get(client) ?? 0;
  }

  /** Zero without an injected clock: then our clock is the system clock. */
  private ourClockMinusSystem(): number {
    return this.options.clock ? this.clock.now() - Date.now() : 0;
  }

  private toTemporary(creds: SdkCredentials | undefined, client: STSClient, assumedRoleArn: string | undefined): TemporaryCredentials {
    const skew = this.skewOf(client);
    return toTemporary(creds, skew, this.clock.now() + skew, assumedRoleArn);
  }

  private attempts(): number {
    return this.options.maxAttempts ?? 3;
  }

  private context(action: StsCallContext['action'], region: string, usedMfaCode: boolean, roleArn?: string): StsCallContext {
    return {
      service: 'STS',
      action,
      region,
      usedMfaCode,
      roleArn,
      endpoint: this.options.endpoint ?? `https://sts.${region}.amazonaws.com`,
    };
  }

  private client(credentials: Credentials, region: string, maxAttempts: number): STSClient {
    const make = () =>
      new STSClient({
        region,
        maxAttempts,
        credentials: {
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.secretAccessKey,
          sessionToken: credentials.sessionToken,
        },
        ...(this.options.endpoint ? { endpoint: this.options.endpoint } : {}),
        requestHandler: {
          connectionTimeout: this.options.connectTimeoutMs ?? 5_000,
          requestTimeout: this.options.requestTimeoutMs ?? 15_000,
        },
      });
    // Long-lived keys get a fresh client that is dropped after the call, so the
    // secret does not linger in memory; session credentials reuse a warm client.
    if (!credentials.sessionToken) return make();
    const key = `${region}|${maxAttempts}|${credentials.accessKeyId}`;
    const hit = this.clients.get(key);
    if (hit && hit.secret === credentials.secretAccessKey && hit.token === credentials.sessionToken) {
      this.clients.delete(key);
      this.clients.set(key, hit); // most recently used last
      return hit.client;
    }
    hit?.client.destroy();
    const client = make();
    this.clients.set(key, { client, secret: credentials.secretAccessKey, token: credentials.sessionToken });
    if (this.clients.size > CLIENT_CACHE_SIZE) {
      const [oldestKey, oldest] = this.clients.entries().next().value ?? [];
      if (oldestKey !== undefined) this.clients.delete(oldestKey);
      oldest?.client.destroy();
    }
    return client;
  }

  /** Releases sockets of the warm clients (the CLI calls this before exiting). */
  close(): void {
    for (const { client } of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}

async function send<T>(ctx: StsCallContext, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw mapStsError(error, ctx);
  }
}

function clockOffset(client: STSClient): number {
  const offset: unknown = (client.config as { systemClockOffset?: unknown }).systemClockOffset;
  return typeof offset === 'number' ? offset : 0;
}

/** Checks what STS returned before anything is written anywhere. */
function toTemporary(
  creds: SdkCredentials | undefined,
  serverClockOffsetMs: number,
  serverNow: number,
  assumedRoleArn: string | undefined,
): TemporaryCredentials {
  if (!creds?.AccessKeyId || !creds.SecretAccessKey || !creds.SessionToken) {
    throw new StsTrayError('validation', 'STS answered without complete credentials; nothing was written. Try again');
  }
  const expiresAt = creds.Expiration instanceof Date ? creds.Expiration.getTime() : Number.NaN;
  if (!Number.isFinite(expiresAt)) {
    throw new StsTrayError('validation', 'STS answered without a readable expiration time; nothing was written. Try again');
  }
  if (expiresAt <= serverNow) {
    throw new StsTrayError('expired', 'STS returned credentials that have already expired; nothing was written. Try again');
  }
  return {
    accessKeyId: creds.AccessKeyId,
    secretAccessKey: creds.SecretAccessKey,
    sessionToken: creds.SessionToken,
    expiresAt,
    serverClockOffsetMs,
    assumedRoleArn,
  };
}
