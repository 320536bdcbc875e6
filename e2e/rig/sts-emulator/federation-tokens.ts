// The console sign-in endpoint's memory: sign-in tokens handed out by getSigninToken (valid
// 15 minutes, good for one login, as AWS documents) and the sign-ins they made.

import { randomBytes } from 'node:crypto';

/** What a test can see of a console sign-in: who, where to, for how long. Never the token. */
export interface ConsoleSignin {
  readonly arn: string;
  readonly destination: string;
  readonly issuer: string | undefined;
  readonly consoleSeconds: number;
  readonly atMs: number;
}

interface PendingToken {
  readonly arn: string;
  readonly consoleSeconds: number;
  readonly expiresAtMs: number;
}

export const SIGNIN_TOKEN_LIFETIME_MS = 15 * 60_000;

export class FederationTokens {
  private readonly pending = new Map<string, PendingToken>();
  private readonly done: ConsoleSignin[] = [];

  issue(arn: string, consoleSeconds: number, nowMs: number): string {
    const token = randomBytes(96).toString('base64url');
    this.pending.set(token, { arn, consoleSeconds, expiresAtMs: nowMs + SIGNIN_TOKEN_LIFETIME_MS });
    return token;
  }

  /** Uses the token up; undefined when unknown, used or expired. */
  redeem(token: string, destination: string, issuer: string | undefined, nowMs: number): ConsoleSignin | undefined {
    const pending = this.pending.get(token);
    this.pending.delete(token);
    if (!pending || nowMs >= pending.expiresAtMs) return undefined;
    const signin = { arn: pending.arn, destination, issuer, consoleSeconds: pending.consoleSeconds, atMs: nowMs };
    this.done.push(signin);
    return signin;
  }

  signins(): readonly ConsoleSignin[] {
    return [...this.done];
  }
}
