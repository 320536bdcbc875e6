// Sessions: one MFA session per identity (GetSessionToken with a code), then every role
// of that identity assumed from it without asking again, as aws-vault does. Concurrent
// requests for the same session share one STS call.

import type { ProfileWrite } from './credentials-file/aws-profile-store.js';
import { StsTrayError } from './errors.js';
import { loadIdentityKey } from './identity-keys.js';
import { InFlight } from './in-flight.js';
import { MfaSessionCache } from './mfa-session-cache.js';
import { assumeChained } from './chained-session.js';
import { sourceRoleOf } from './role-chain.js';
import { profileOf, type AppConfig, type CallerIdentity, type Identity, type Role, type TemporaryCredentials } from './model.js';
import type { Clock, SecretStore, StsBroker } from './ports.js';
import { localExpiry } from './time.js';
import { checkMfaCode } from '../contract/sts-limits.js';
import { ssoRoleTarget, type SsoIdentity } from '../contract/sso-identity.js';

export interface SessionDeps {
  readonly config: () => AppConfig | Promise<AppConfig>;
  readonly secrets: SecretStore;
  readonly sts: StsBroker;
  readonly clock: Clock;
  /** IAM Identity Center, for roles whose identity is a sign-in there; absent in shells without it. */
  readonly sso?: SsoRoleSource | undefined;
}

/** Role credentials from an Identity Center sign-in (core/sso/sso-sessions.ts). */
export interface SsoRoleSource {
  roleCredentials(identity: SsoIdentity, target: { accountId: string; roleName: string }): Promise<TemporaryCredentials>;
  signInEndsAt(identity: SsoIdentity): Promise<number | null>;
}

export interface RoleSession {
  readonly role: Role;
  /** An IAM user's key, or an Identity Center sign-in. */
  readonly identity: Identity | SsoIdentity;
  readonly credentials: TemporaryCredentials;
  readonly region: string;
  /** When STS issued it, by our clock: with expiresAt, its lifetime. */
  readonly obtainedAt: number;
}

export interface CodeOption {
  /** The current code of the identity's MFA device, when the caller has one. */
  readonly mfaCode?: string | undefined;
  /** Assume again even when the session in memory is still fresh (renewal). */
  readonly fresh?: boolean | undefined;
}

/** A used code stays refused this long: a TOTP code lives 30 s, AWS accepts ±1 step. */
const USED_CODE_MEMORY_MS = 120_000;

export class SessionService {
  private readonly mfaSessions: MfaSessionCache;
  private readonly roleSessions = new Map<string, RoleSession>();
  private readonly inflightMfa = new InFlight<TemporaryCredentials>();
  private readonly inflightRoles = new InFlight<RoleSession>();
  private readonly usedCodes = new Map<string, Map<string, number>>();

  constructor(private readonly deps: SessionDeps) {
    this.mfaSessions = new MfaSessionCache(deps.secrets, deps.clock);
  }

  /**
   * A valid session for the role: from memory when it has more than the renewal lead
   * left, else assumed now. Throws `needs-mfa` when a code is needed and none was given.
   */
  async roleSession(roleName: string, options: CodeOption = {}): Promise<RoleSession> {
    const config = await this.deps.config();
    const cached = options.fresh ? undefined : this.roleSessions.get(roleName);
    if (cached && this.remainingMs(cached.credentials) > config.preferences.renewalLeadSeconds * 1000) return cached;
    return this.inflightRoles.run(roleName, () => this.assume(config, roleName, options));
  }

  /**
   * Starts a new MFA session with a code (the MFA prompt's entry point), even while the
   * current one still runs: a user answering the "MFA session ends in 5 min" warning
   * wants a fresh session, not the ending one.
   */
  async startMfaSession(identityName: string, code: string): Promise<TemporaryCredentials> {
    const config = await this.deps.config();
    return this.mfaSession(findIdentity(config, identityName), code, { fresh: true });
  }

  /**
   * The identity's MFA session for a tool's call (IAM key rotation): the cached one, else
   * started with the code; `needs-mfa` when there is none and no code was given.
   */
  async identityMfaSession(identityName: string, code: string | undefined): Promise<TemporaryCredentials> {
    const config = await this.deps.config();
    return this.mfaSession(findIdentity(config, identityName), code);
  }

  /** The cached MFA session when one is live, without asking for anything. */
  async liveMfaSession(identityName: string): Promise<TemporaryCredentials | null> {
    return this.mfaSessions.get(identityName);
  }

  /** When the identity's MFA session ends, or for an Identity Center identity, its sign-in. */
  async mfaSessionExpiresAt(identityName: string, config?: AppConfig): Promise<number | null> {
    const sso = (config ?? (await this.deps.config())).ssoIdentities.find((i) => i.name === identityName);
    if (sso) return this.deps.sso ? this.deps.sso.signInEndsAt(sso) : null;
    return this.mfaSessions.expiresAt(identityName);
  }

  async callerIdentity(roleName: string, options: CodeOption = {}): Promise<CallerIdentity> {
    const session = await this.roleSession(roleName, options);
    return this.deps.sts.getCallerIdentity({ credentials: session.credentials, region: session.region });
  }

  /** Forgets the in-memory role session (the profile file is the profile store's business). */
  dropRoleSession(roleName: string): void {
    this.roleSessions.delete(roleName);
  }

  async forgetMfaSession(identityName: string): Promise<void> {
    await this.mfaSessions.forget(identityName);
  }

  private async assume(config: AppConfig, roleName: string, options: CodeOption): Promise<RoleSession> {
    const role = findRole(config, roleName);
    const sso = config.ssoIdentities.find((i) => i.name === role.identity);
    const identity = sso ?? findIdentity(config, role.identity);
    const region = role.region ?? (sso ? (sso.roleRegion ?? sso.region) : identity.region);
    const base = {
      region,
      roleArn: role.roleArn,
      roleSessionName: role.sessionName ?? defaultSessionName(identity.name),
      durationSeconds: role.durationSeconds,
      externalId: role.externalId,
    };
    let credentials: TemporaryCredentials;
    const source = sourceRoleOf(config, role);
    if (source) {
      credentials = await assumeChained(
        { role: role.name, source: source.name, sourceArn: source.roleArn },
        (fresh) => this.roleSession(source.name, { mfaCode: options.mfaCode, fresh }),
        (sourceSession) => this.deps.sts.assumeRole({ ...base, credentials: sourceSession.credentials }),
        () => this.roleSessions.delete(source.name),
      );
    } else if (sso) {
      if (!this.deps.sso) throw new StsTrayError('validation', `role "${role.name}" signs in through IAM Identity Center, which this shell cannot reach`);
      credentials = await this.deps.sso.roleCredentials(sso, ssoRoleTarget(role.roleArn));
    } else if ('accessKeyId' in identity && role.mfa) {
      if (!identity.mfaSerial) {
        throw new StsTrayError(
          'validation',
          `role "${role.name}" requires MFA but identity "${identity.name}" has no MFA device: add it with sts-tray identity add ${identity.name} --mfa-serial …`,
        );
      }
      const mfa = await this.mfaSession(identity, options.mfaCode);
      try {
        credentials = await this.deps.sts.assumeRole({ ...base, credentials: mfa });
      } catch (error) {
        // The MFA session was revoked or ended early: forget it and ask for a code.
        if (error instanceof StsTrayError && (error.code === 'expired' || error.code === 'invalid-key')) {
          await this.mfaSessions.forget(identity.name);
          throw needsMfa(identity, `the MFA session of "${identity.name}" is no longer valid`);
        }
        throw error;
      }
    } else if ('accessKeyId' in identity) {
      const key = await loadIdentityKey(this.deps.secrets, identity);
      credentials = await this.deps.sts.assumeRole({ ...base, credentials: key });
    } else {
      throw new StsTrayError('not-found', `identity "${identity.name}" of role "${role.name}" is not an IAM user or an Identity Center sign-in`);
    }
    const session: RoleSession = { role, identity, credentials, region, obtainedAt: this.deps.clock.now() };
    this.roleSessions.set(role.name, session);
    return session;
  }

  private async mfaSession(
    identity: Identity,
    code: string | undefined,
    options: { fresh?: boolean } = {},
  ): Promise<TemporaryCredentials> {
    const cached = options.fresh ? null : await this.mfaSessions.get(identity.name);
    if (cached) return cached;
    const inflight = this.inflightMfa.get(identity.name);
    if (inflight) return inflight;
    if (code === undefined) throw needsMfa(identity, `no MFA session for "${identity.name}" is active`);
    const problem = checkMfaCode(code);
    if (problem) throw new StsTrayError('validation', `MFA code: ${problem}`);
    this.refuseUsedCode(identity.name, code);
    return this.inflightMfa.run(identity.name, async () => {
      const serialNumber = identity.mfaSerial;
      if (!serialNumber) throw new StsTrayError('validation', `identity "${identity.name}" has no MFA device`);
      const key = await loadIdentityKey(this.deps.secrets, identity);
      const session = await this.deps.sts.getSessionToken({
        credentials: key,
        region: identity.region,
        durationSeconds: identity.mfaSessionSeconds,
        serialNumber,
        tokenCode: code,
      });
      await this.mfaSessions.put(identity.name, session);
      return session;
    });
  }

  /** A code goes to STS at most once: reusing it can only fail and looks like an attack. */
  private refuseUsedCode(identity: string, code: string): void {
    const now = this.deps.clock.now();
    const used = this.usedCodes.get(identity) ?? new Map<string, number>();
    for (const [c, at] of used) if (now - at > USED_CODE_MEMORY_MS) used.delete(c);
    if (used.has(code)) {
      throw new StsTrayError('invalid-mfa', 'this MFA code was already used: wait for the next code and enter it');
    }
    used.set(code, now);
    this.usedCodes.set(identity, used);
  }

  private remainingMs(credentials: TemporaryCredentials): number {
    return localExpiry(credentials) - this.deps.clock.now();
  }
}

/** The sections a role session goes to: its profile, and [default] when it mirrors there. */
export function profileWrites(session: RoleSession): ProfileWrite[] {
  const { role, credentials } = session;
  return profilesOf(role).map((profile) => ({
    profile,
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    expiresAt: credentials.expiresAt,
    region: session.region,
    source: `role ${role.name}`,
  }));
}

/** The sections a role writes: its profile, and [default] when it mirrors there. */
export function profilesOf(role: Pick<Role, 'name' | 'profile' | 'mirrorDefault'>): string[] {
  return [profileOf(role), ...(role.mirrorDefault && profileOf(role) !== 'default' ? ['default'] : [])];
}

export function findRole(config: AppConfig, name: string): Role {
  const role = config.roles.find((r) => r.name === name);
  if (!role) {
    const known = config.roles.map((r) => r.name).join(', ') || 'none yet';
    throw new StsTrayError('not-found', `no role named "${name}" (roles: ${known}); add one with sts-tray role add`);
  }
  return role;
}

export function findIdentity(config: AppConfig, name: string): Identity {
  const identity = config.identities.find((i) => i.name === name);
  if (!identity) {
    throw new StsTrayError('not-found', `no identity named "${name}"; add one with sts-tray identity add ${name} --access-key-id …`);
  }
  return identity;
}

/** Whether an identity has a session that ends and is worth a warning: an MFA session or a sign-in. */
export function hasSessionToWatch(identity: Identity | SsoIdentity): boolean {
  return !('accessKeyId' in identity) || identity.mfaSerial !== undefined;
}

function needsMfa(identity: Identity, why: string): StsTrayError {
  return new StsTrayError('needs-mfa', `${why}: enter the current code of ${identity.mfaSerial ?? 'its MFA device'}`);
}

function defaultSessionName(identity: string): string {
  return `sts-tray-${identity}`.slice(0, 64);
}
