// The domain model: the config schema (shared with the renderer through the contract) and
// the credentials that never leave the main process.

export * from '../contract/config-schema.js';

/** Long-lived or temporary keys. Never leaves the main process. */
export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

export interface TemporaryCredentials extends Credentials {
  readonly sessionToken: string;
  /** Absolute expiry in ms since the epoch, as STS stated it. */
  readonly expiresAt: number;
  /** STS's clock minus ours, in ms, when known (signing corrects for it). */
  readonly serverClockOffsetMs: number;
  /** For AssumeRole: the assumed-role ARN STS returned. */
  readonly assumedRoleArn?: string | undefined;
}

export interface CallerIdentity {
  readonly account: string;
  readonly arn: string;
  readonly userId: string;
}
