// Everything the emulator remembers between requests: which access keys exist (long-lived
// user keys, in IAM's key store, and every credential it issued), which were revoked, the
// MFA devices, the encoded authorization messages and the console sign-in tokens.

import { AuthorizationMessages } from './authorization-messages.js';
import type { EmulatorRole, StsEmulatorOptions } from './emulator-config.js';
import { FederationTokens } from './federation-tokens.js';
import { IamKeyStore } from './iam-keys.js';
import { MfaDevices } from './mfa-devices.js';
import { principalAccount, type Principal } from './principals.js';

export interface KnownCredential {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Present for issued (temporary) credentials: requests must carry exactly this token. */
  readonly sessionToken?: string | undefined;
  readonly expiresAtMs?: number | undefined;
  readonly principal: Principal;
}

/** A temporary credential the emulator handed out, minus its secrets, for tests to inspect. */
export interface IssuedCredentialInfo {
  readonly accessKeyId: string;
  readonly arn: string;
  readonly kind: 'user-session' | 'role-session' | 'federated';
  readonly mfa: boolean;
  readonly issuedAtMs: number;
  readonly expiresAtMs: number;
  readonly sessionTokenLength: number;
}

export class StsState {
  readonly mfa: MfaDevices;
  readonly iamKeys: IamKeyStore;
  readonly messages = new AuthorizationMessages();
  readonly signin = new FederationTokens();
  private readonly credentials = new Map<string, KnownCredential>();
  private readonly revoked = new Set<string>();
  private readonly roles = new Map<string, EmulatorRole>();
  private readonly issuedLog: IssuedCredentialInfo[] = [];

  constructor(
    options: StsEmulatorOptions,
    startMs: number,
    private readonly foreignKeys: Readonly<Record<string, string>> = options.foreignKeys ?? {},
  ) {
    this.mfa = new MfaDevices(options.users);
    this.iamKeys = new IamKeyStore(options.users, startMs);
    for (const role of options.roles) this.roles.set(role.arn, role);
  }

  /**
   * The credential behind an access key id, or undefined when unknown, revoked, deleted,
   * inactive or (a new user key) not yet propagated.
   */
  credential(accessKeyId: string, nowMs: number): KnownCredential | undefined {
    if (this.revoked.has(accessKeyId)) return undefined;
    const key = this.iamKeys.usable(accessKeyId, nowMs);
    if (key) return { accessKeyId, secretAccessKey: key.secretAccessKey, principal: { kind: 'user', user: key.user } };
    return this.credentials.get(accessKeyId);
  }

  /** GetAccessKeyInfo: the account of any key the emulator has seen or was told about. */
  accountOfKey(accessKeyId: string): string | undefined {
    const user = this.iamKeys.byId(accessKeyId)?.user;
    if (user) return user.accountId;
    if (Object.hasOwn(this.foreignKeys, accessKeyId)) return this.foreignKeys[accessKeyId];
    const issued = this.credentials.get(accessKeyId)?.principal;
    return issued ? principalAccount(issued) : undefined;
  }

  /** The live temporary credential with exactly these parts (the sign-in endpoint's check). */
  session(accessKeyId: string, secretAccessKey: string, sessionToken: string, nowMs: number): KnownCredential | undefined {
    const credential = this.credential(accessKeyId, nowMs);
    if (!credential || credential.sessionToken === undefined) return undefined;
    if (credential.secretAccessKey !== secretAccessKey || credential.sessionToken !== sessionToken) return undefined;
    if (credential.expiresAtMs !== undefined && nowMs >= credential.expiresAtMs) return undefined;
    return credential;
  }

  role(arn: string): EmulatorRole | undefined {
    return this.roles.get(arn);
  }


  issue(credential: KnownCredential & { expiresAtMs: number; sessionToken: string }, info: IssuedCredentialInfo): void {
    this.credentials.set(credential.accessKeyId, credential);
    this.issuedLog.push(info);
  }

  issued(): readonly IssuedCredentialInfo[] {
    return [...this.issuedLog];
  }

  revoke(accessKeyId: string): void {
    this.revoked.add(accessKeyId);
  }
}
