// An in-memory StsBroker for unit tests of the core: scripted outcomes, recorded calls,
// credentials whose lifetime follows the injected clock. Faults come one at a time
// (`failNext`) or from rules over the call and the clock (`failWhen`), so a test can
// script a throttling burst or a network outage as "every call between t1 and t2 fails".

import { StsTrayError, type ErrorCode } from '../errors.js';
import type { CallerIdentity, TemporaryCredentials } from '../model.js';
import type { AssumeRoleInput, Clock, GetCallerIdentityInput, GetSessionTokenInput, StsBroker } from '../ports.js';

export type FakeStsCall =
  | { readonly action: 'GetSessionToken'; readonly input: GetSessionTokenInput }
  | { readonly action: 'AssumeRole'; readonly input: AssumeRoleInput }
  | { readonly action: 'GetCallerIdentity'; readonly input: GetCallerIdentityInput };

/** Decides whether a call fails: an error code, or null to let it through. */
export type FaultRule = (call: FakeStsCall, now: number) => ErrorCode | null;

/** One answered call: when (by the injected clock) and how it ended. */
export interface FakeStsLogEntry {
  readonly call: FakeStsCall;
  readonly at: number;
  /** The same moment by STS's clock (`at` + serverClockOffsetMs then). */
  readonly stsAt: number;
  /** The failure's code, or null when the call succeeded. */
  readonly error: ErrorCode | null;
  /** Expiry of the credentials issued, when the call issued some. */
  readonly expiresAt: number | null;
}

export class FakeStsBroker implements StsBroker {
  readonly calls: FakeStsCall[] = [];
  /** Every answered call in order, with its outcome (failed calls too). */
  readonly log: FakeStsLogEntry[] = [];
  /** Codes the fake device accepts; empty means any well-formed code. */
  validCodes = new Set<string>();
  private readonly failures: Array<{ action: FakeStsCall['action']; code: ErrorCode }> = [];
  private readonly rules = new Set<FaultRule>();
  private counter = 0;
  /** Resolves pending calls only when released, to test concurrency. */
  gate: Promise<void> | null = null;
  /** STS's clock minus ours, in ms: issued expiries follow STS's clock and report this offset. */
  serverClockOffsetMs = 0;

  constructor(private readonly clock: Clock) {}

  failNext(action: FakeStsCall['action'], code: ErrorCode): void {
    this.failures.push({ action, code });
  }

  /** Every call the rule returns a code for fails with it, until the returned function is called. */
  failWhen(rule: FaultRule): () => void {
    this.rules.add(rule);
    return () => {
      this.rules.delete(rule);
    };
  }

  count(action: FakeStsCall['action']): number {
    return this.calls.filter((c) => c.action === action).length;
  }

  async getSessionToken(input: GetSessionTokenInput): Promise<TemporaryCredentials> {
    const call = { action: 'GetSessionToken', input } as const;
    return this.answer(call, () => {
      if (this.validCodes.size > 0 && !this.validCodes.has(input.tokenCode)) {
        throw new StsTrayError('invalid-mfa', 'invalid MFA code');
      }
      return this.issue(input.durationSeconds, undefined);
    });
  }

  async assumeRole(input: AssumeRoleInput): Promise<TemporaryCredentials> {
    const call = { action: 'AssumeRole', input } as const;
    return this.answer(call, () => {
      const roleName = input.roleArn.split('/').pop() ?? 'role';
      const account = input.roleArn.split(':')[4] ?? '000000000000';
      return this.issue(input.durationSeconds, `arn:aws:sts::${account}:assumed-role/${roleName}/${input.roleSessionName}`);
    });
  }

  async getCallerIdentity(input: GetCallerIdentityInput): Promise<CallerIdentity> {
    return this.answer({ action: 'GetCallerIdentity', input }, () => ({
      account: '111111111111',
      arn: 'arn:aws:iam::111111111111:user/dev',
      userId: 'AIDAFAKE',
    }));
  }

  /** Records the call, waits for the gate, applies scripted faults, then produces the answer. */
  private async answer<T>(call: FakeStsCall, produce: () => T): Promise<T> {
    this.calls.push(call);
    if (this.gate) await this.gate;
    const at = this.clock.now();
    try {
      const code = this.scriptedFailure(call, at);
      if (code) throw new StsTrayError(code, `fake ${call.action} failure: ${code}`);
      const result = produce();
      const expiresAt = isCredentials(result) ? result.expiresAt : null;
      this.log.push({ call, at, stsAt: at + this.serverClockOffsetMs, error: null, expiresAt });
      return result;
    } catch (error) {
      const code = error instanceof StsTrayError ? error.code : 'network';
      this.log.push({ call, at, stsAt: at + this.serverClockOffsetMs, error: code, expiresAt: null });
      throw error;
    }
  }

  private scriptedFailure(call: FakeStsCall, now: number): ErrorCode | null {
    const index = this.failures.findIndex((f) => f.action === call.action);
    if (index >= 0) {
      const [failure] = this.failures.splice(index, 1);
      if (failure) return failure.code;
    }
    for (const rule of this.rules) {
      const code = rule(call, now);
      if (code) return code;
    }
    return null;
  }

  private issue(durationSeconds: number, assumedRoleArn: string | undefined): TemporaryCredentials {
    this.counter += 1;
    const n = String(this.counter).padStart(16, '0');
    return {
      accessKeyId: `ASIA${n}`,
      secretAccessKey: `fake-session-secret-${n}`,
      sessionToken: `fake-session-token-${n}`,
      expiresAt: this.clock.now() + this.serverClockOffsetMs + durationSeconds * 1000,
      serverClockOffsetMs: this.serverClockOffsetMs,
      assumedRoleArn,
    };
  }
}

function isCredentials(value: unknown): value is TemporaryCredentials {
  return typeof value === 'object' && value !== null && 'expiresAt' in value && 'sessionToken' in value;
}
