// Everything the emulator remembers between requests: which access keys exist (long-lived
// user keys and every credential it issued), which were revoked, and the MFA devices.

import type { EmulatorRole, StsEmulatorOptions } from './emulator-config.js';
import { MfaDevices } from './mfa-devices.js';
import type { Principal } from './principals.js';

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
  readonly kind: 'user-session' | 'role-session';
  readonly mfa: boolean;
  readonly issuedAtMs: number;
  readonly expiresAtMs: number;
  readonly sessionTokenLength: number;
}

export class StsState {
  readonly mfa: MfaDevices;
  private readonly credentials = new Map<string, KnownCredential>();
  private readonly revoked = new Set<string>();
  private readonly roles = new Map<string, EmulatorRole>();
  private readonly issuedLog: IssuedCredentialInfo[] = [];

  constructor(options: StsEmulatorOptions) {
    this.mfa = new MfaDevices(options.users);
    for (const user of options.users) {
      this.credentials.set(user.accessKeyId, {
        accessKeyId: user.accessKeyId,
        secretAccessKey: user.secretAccessKey,
        principal: { kind: 'user', user },
      });
    }
    for (const role of options.roles) this.roles.set(role.arn, role);
  }

  /** The credential behind an access key id, or undefined when unknown or revoked. */
  credential(accessKeyId: string): KnownCredential | undefined {
    return this.revoked.has(accessKeyId) ? undefined : this.credentials.get(accessKeyId);
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
