// In-memory StsTools and ConsoleSignin for unit tests: key accounts from a table, federation
// tokens that look like sessions, messages decoded from a table, sign-in tokens recorded.

import { StsTrayError } from '../errors.js';
import type { TemporaryCredentials } from '../model.js';
import type {
  Clock,
  ConsoleSignin,
  DecodeAuthorizationMessageInput,
  DecodeOutcome,
  GetAccessKeyInfoInput,
  GetFederationTokenInput,
  StsTools,
} from '../ports.js';

export class FakeStsTools implements StsTools {
  readonly keyAccounts = new Map<string, string>();
  readonly messages = new Map<string, string>();
  readonly federationCalls: GetFederationTokenInput[] = [];
  /** Callers (access key ids) allowed to decode; empty: everyone. */
  readonly decoders = new Set<string>();

  constructor(private readonly clock: Clock) {}

  async getAccessKeyInfo(input: GetAccessKeyInfoInput): Promise<string> {
    return Promise.resolve(this.keyAccounts.get(input.accessKeyId) ?? '111111111111');
  }

  async getFederationToken(input: GetFederationTokenInput): Promise<TemporaryCredentials> {
    if (input.credentials.sessionToken) throw new StsTrayError('access-denied', 'fake: GetFederationToken needs the long-lived key');
    this.federationCalls.push(input);
    return Promise.resolve({
      accessKeyId: 'ASIAFEDERATED0000001',
      secretAccessKey: 'fake-federated-secret',
      sessionToken: 'fake-federated-token',
      expiresAt: this.clock.now() + input.durationSeconds * 1000,
      serverClockOffsetMs: 0,
      assumedRoleArn: `arn:aws:sts::111111111111:federated-user/${input.name}`,
    });
  }

  async decodeAuthorizationMessage(input: DecodeAuthorizationMessageInput): Promise<DecodeOutcome> {
    if (this.decoders.size > 0 && !this.decoders.has(input.credentials.accessKeyId)) {
      throw new StsTrayError('access-denied', 'fake: not allowed to call sts:DecodeAuthorizationMessage');
    }
    const decoded = this.messages.get(input.encodedMessage);
    return Promise.resolve(decoded === undefined ? { invalidMessage: true } : { decoded });
  }
}

export class FakeConsoleSignin implements ConsoleSignin {
  readonly requests: Array<{ readonly endpoint: string; readonly sessionKeyId: string; readonly sessionDurationSeconds: number | undefined }> = [];

  async getSigninToken(input: {
    readonly endpoint: string;
    readonly credentials: TemporaryCredentials;
    readonly sessionDurationSeconds?: number | undefined;
  }): Promise<string> {
    this.requests.push({ endpoint: input.endpoint, sessionKeyId: input.credentials.accessKeyId, sessionDurationSeconds: input.sessionDurationSeconds });
    return Promise.resolve(`fake-signin-token-${this.requests.length}`);
  }
}
