// Everything outside the process reaches the core through these interfaces.
// Real implementations live in electron/adapters; in-memory fakes in core/testing.

import type { CallerIdentity, Credentials, TemporaryCredentials } from './model.js';

/** The OS keychain. Values are strings; `null` means "no such item". */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  /** Returns true when an item was deleted. */
  delete(account: string): Promise<boolean>;
  /** Account names under our service (used to clean up chunked items). */
  list(): Promise<string[]>;
}

export interface GetSessionTokenInput {
  readonly credentials: Credentials;
  readonly region: string;
  readonly durationSeconds: number;
  readonly serialNumber: string;
  readonly tokenCode: string;
}

export interface AssumeRoleInput {
  readonly credentials: Credentials;
  readonly region: string;
  readonly roleArn: string;
  readonly roleSessionName: string;
  readonly durationSeconds: number;
  readonly externalId?: string | undefined;
  /** Only when assuming straight from the long-lived key with MFA. */
  readonly serialNumber?: string | undefined;
  readonly tokenCode?: string | undefined;
}

export interface GetCallerIdentityInput {
  readonly credentials: Credentials;
  readonly region: string;
}

/** STS. Implementations map every failure to a StsTrayError with an STS code. */
export interface StsBroker {
  getSessionToken(input: GetSessionTokenInput): Promise<TemporaryCredentials>;
  assumeRole(input: AssumeRoleInput): Promise<TemporaryCredentials>;
  getCallerIdentity(input: GetCallerIdentityInput): Promise<CallerIdentity>;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Bytes of a text file plus a fingerprint of what was read, for conflict detection. */
export interface FileSnapshot {
  readonly bytes: Uint8Array | null; // null: the file does not exist
  readonly fingerprint: string;
}

export interface ReplaceOutcome {
  /** 'conflict': the file changed since `snapshot` was taken; nothing was written. */
  readonly status: 'written' | 'conflict';
  /** Human notes, e.g. "permissions tightened from 0644 to 0600". */
  readonly notices: readonly string[];
}

/** Files on disk, written atomically (temp file in the same folder, fsync, rename). */
export interface FileStore {
  read(path: string): Promise<FileSnapshot>;
  /** Writes only if the file still matches `expected`; creates folders 0700, file 0600. */
  replace(path: string, bytes: Uint8Array, expected: FileSnapshot): Promise<ReplaceOutcome>;
}

/** An opaque handle of a pending timer. */
export interface TimerHandle {
  readonly timer: unknown;
}

/** Timers for the renewal engine: real ones in the shells, virtual ones in tests. */
export interface Timers {
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
  /** Milliseconds on a clock that never jumps (it may stand still while the machine sleeps). */
  monotonic(): number;
}

/** A mark that the tray app is running, kept across a crash or a killed session (a file). */
export interface RunMarker {
  exists(): Promise<boolean>;
  write(): Promise<void>;
  remove(): Promise<void>;
}

export type * from './sso/sso-ports.js';
/** Access keys and AWS accounts now and then, off the renewal path. */
export interface GetAccessKeyInfoInput {
  readonly credentials: Credentials;
  readonly region: string;
  readonly accessKeyId: string;
}

export interface GetFederationTokenInput {
  readonly credentials: Credentials;
  readonly region: string;
  /** The federated user's name (2 to 32 characters). */
  readonly name: string;
  readonly durationSeconds: number;
  /** A session policy (JSON) narrowing the user's own permissions. */
  readonly policy?: string | undefined;
}

export interface DecodeAuthorizationMessageInput {
  readonly credentials: Credentials;
  readonly region: string;
  readonly encodedMessage: string;
}

/** STS's answer to a message it cannot decode is an outcome here, not an error: the core words it. */
export type DecodeOutcome = { readonly decoded: string } | { readonly invalidMessage: true };

/** STS calls of the tools (key facts, console, decode). Failures are StsTrayErrors, as StsBroker's. */
export interface StsTools {
  /** The account the access key belongs to. */
  getAccessKeyInfo(input: GetAccessKeyInfoInput): Promise<string>;
  getFederationToken(input: GetFederationTokenInput): Promise<TemporaryCredentials>;
  decodeAuthorizationMessage(input: DecodeAuthorizationMessageInput): Promise<DecodeOutcome>;
}

export type AccessKeyStatus = 'Active' | 'Inactive';

export interface AccessKeyMetadata {
  readonly accessKeyId: string;
  readonly status: AccessKeyStatus;
  /** IAM's CreateDate, ms since the epoch. */
  readonly createdAt: number;
}

/** A key IAM just created. Its secret is in memory only until it reaches the keychain. */
export interface NewAccessKey extends AccessKeyMetadata {
  readonly secretAccessKey: string;
}

export interface IamCallInput {
  /** The identity's MFA session or long-lived key: IAM acts on the caller's own user. */
  readonly credentials: Credentials;
  /** The identity's region; it decides the partition, hence IAM's endpoint. */
  readonly region: string;
}

/**
 * IAM's self-service calls on the caller's own access keys. Failures are StsTrayErrors:
 * access-denied, conflict (the two-key quota), not-found (NoSuchEntity), throttled, network.
 */
export interface IamKeys {
  listAccessKeys(input: IamCallInput): Promise<AccessKeyMetadata[]>;
  createAccessKey(input: IamCallInput): Promise<NewAccessKey>;
  updateAccessKey(input: IamCallInput & { readonly accessKeyId: string; readonly status: AccessKeyStatus }): Promise<void>;
  deleteAccessKey(input: IamCallInput & { readonly accessKeyId: string }): Promise<void>;
}

/** The console's federation endpoint: a sign-in token for a role or federated-user session. */
export interface ConsoleSignin {
  /** The token is a secret: it signs whoever holds it in as that session. */
  getSigninToken(input: {
    readonly endpoint: string;
    readonly credentials: TemporaryCredentials;
    /** Only for role sessions; a federated user's console session lasts as long as its credentials. */
    readonly sessionDurationSeconds?: number | undefined;
  }): Promise<string>;
}
