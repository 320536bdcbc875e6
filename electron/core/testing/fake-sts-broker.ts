// An in-memory StsBroker for unit tests of the core: scripted outcomes, recorded calls,
// credentials whose lifetime follows the injected clock.

import { StsTrayError, type ErrorCode } from '../errors.js';
import type { CallerIdentity, TemporaryCredentials } from '../model.js';
import type { AssumeRoleInput, Clock, GetCallerIdentityInput, GetSessionTokenInput, StsBroker } from '../ports.js';

export type FakeStsCall =
  | { readonly action: 'GetSessionToken'; readonly input: GetSessionTokenInput }
  | { readonly action: 'AssumeRole'; readonly input: AssumeRoleInput }
  | { readonly action: 'GetCallerIdentity'; readonly input: GetCallerIdentityInput };

export class FakeStsBroker implements StsBroker {
  readonly calls: FakeStsCall[] = [];
  /** Codes the fake device accepts; empty means any well-formed code. */
  validCodes = new Set<string>();
  private readonly failures: Array<{ action: FakeStsCall['action']; code: ErrorCode }> = [];
  private counter = 0;
  /** Resolves pending calls only when released, to test concurrency. */
  gate: Promise<void> | null = null;

  constructor(private readonly clock: Clock) {}

  failNext(action: FakeStsCall['action'], code: ErrorCode): void {
    this.failures.push({ action, code });
  }

  count(action: FakeStsCall['action']): number {
    return this.calls.filter((c) => c.action === action).length;
  }

  async getSessionToken(input: GetSessionTokenInput): Promise<TemporaryCredentials> {
    await this.enter({ action: 'GetSessionToken', input });
    if (this.validCodes.size > 0 && !this.validCodes.has(input.tokenCode)) {
      throw new StsTrayError('invalid-mfa', 'invalid MFA code');
    }
    return this.issue(input.durationSeconds, undefined);
  }

  async assumeRole(input: AssumeRoleInput): Promise<TemporaryCredentials> {
    await this.enter({ action: 'AssumeRole', input });
    const roleName = input.roleArn.split('/').pop() ?? 'role';
    const account = input.roleArn.split(':')[4] ?? '000000000000';
    return this.issue(input.durationSeconds, `arn:aws:sts::${account}:assumed-role/${roleName}/${input.roleSessionName}`);
  }

  async getCallerIdentity(input: GetCallerIdentityInput): Promise<CallerIdentity> {
    await this.enter({ action: 'GetCallerIdentity', input });
    return { account: '111111111111', arn: 'arn:aws:iam::111111111111:user/dev', userId: 'AIDAFAKE' };
  }

  private async enter(call: FakeStsCall): Promise<void> {
    this.calls.push(call);
    if (this.gate) await this.gate;
    const index = this.failures.findIndex((f) => f.action === call.action);
    if (index >= 0) {
      const [failure] = this.failures.splice(index, 1);
      if (failure) throw new StsTrayError(failure.code, `fake ${call.action} failure: ${failure.code}`);
    }
  }

  private issue(durationSeconds: number, assumedRoleArn: string | undefined): TemporaryCredentials {
    this.counter += 1;
    const n = String(this.counter).padStart(16, '0');
    return {
      accessKeyId: `ASIA${n}`,
      secretAccessKey: `fake-session-secret-${n}`,
      sessionToken: `fake-session-token-${n}`,
      expiresAt: this.clock.now() + durationSeconds * 1000,
      serverClockOffsetMs: 0,
      assumedRoleArn,
    };
  }
}
