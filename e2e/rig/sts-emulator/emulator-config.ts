// What an emulator is started with: the IAM users and roles it knows, and test knobs.
// Checked at start so a mistyped fixture fails loudly there, not as a puzzling 403 later.

export interface EmulatorUser {
  readonly userName: string; // e.g. 'dev'
  readonly accountId: string; // 12 digits, e.g. '111111111111'
  readonly accessKeyId: string; // AKIA…
  readonly secretAccessKey: string;
  /** TOTP seed of the user's virtual MFA device; serial = arn:aws:iam::111111111111:mfa/dev */
  readonly mfa?: { readonly serial: string; readonly secret: Uint8Array } | undefined;
  /** When the user's first key was created (IAM's CreateDate); default: when the emulator started. */
  readonly keyCreatedAt?: string | undefined;
  /** The user's IAM policy on its own keys (iam:*AccessKey*): MFA required, actions denied. */
  readonly iam?: UserIamPolicy | undefined;
  /** The user's policy allows sts:DecodeAuthorizationMessage. */
  readonly mayDecodeMessages?: boolean | undefined;
}

export interface UserIamPolicy {
  /** Self-service on keys only from an MFA session (the usual "force MFA" policy). */
  readonly requireMfa?: boolean | undefined;
  /** IAM actions denied to the user, e.g. ['ListAccessKeys']. */
  readonly denied?: readonly string[] | undefined;
}

export interface EmulatorRole {
  readonly arn: string; // arn:aws:iam::222222222222:role/tes-deployer
  /**
   * Principals the trust policy names: IAM user ARNs (arn:aws:iam::111111111111:user/dev),
   * or role ARNs, whose sessions may then assume this role (role chaining).
   */
  readonly trustedUsers: readonly string[];
  readonly externalId?: string | undefined; // required when set
  readonly requireMfa?: boolean | undefined; // caller must be an MFA session, or pass SerialNumber+TokenCode
  readonly maxSessionDuration?: number | undefined; // default 3600, ≤ 43200
  /** The role's policy allows sts:DecodeAuthorizationMessage. */
  readonly mayDecodeMessages?: boolean | undefined;
}

export interface StsEmulatorOptions {
  readonly users: readonly EmulatorUser[];
  readonly roles: readonly EmulatorRole[];
  /** Shortest DurationSeconds accepted; default 900 as AWS. Renewal tests may lower it (e.g. 20). */
  readonly minDurationSeconds?: number;
  /** The emulator's clock in epoch ms; default Date.now. setClockSkewMs adds to it. */
  readonly now?: () => number;
  /** Length in characters of issued session tokens; default AWS-like (≈360 for sessions, ≈740 for roles). */
  readonly sessionTokenLength?: number;
  /** Region the credential scope must name; default: any well-formed region. */
  readonly region?: string;
  /**
   * Test mode: issued credentials live at most this many seconds, whatever DurationSeconds
   * asked (the request is still checked against the usual limits). Clients keep asking for
   * durations STS accepts, yet a renewal test sees several renewals within a minute. Role
   * sessions and MFA sessions apart, so a test can keep one MFA code for its whole run.
   */
  readonly issuedLifetimeSeconds?: IssuedLifetimes;
  /** Access keys of other accounts that GetAccessKeyInfo knows: key id → account id. */
  readonly foreignKeys?: Readonly<Record<string, string>>;
}

export interface IssuedLifetimes {
  /** Cap for AssumeRole credentials, e.g. 20. */
  readonly roleSession?: number | undefined;
  /** Cap for GetSessionToken credentials. */
  readonly mfaSession?: number | undefined;
}

export const DEFAULT_ROLE_MAX_SESSION = 3600;
export const ROLE_MAX_SESSION_LIMIT = 43_200;
export const AWS_MIN_DURATION = 900;
/** The longest credentials STS issues at all (GetSessionToken, 36 h). */
export const SESSION_TOKEN_LIMIT = 129_600;

const ACCOUNT_ID = /^\d{12}$/;
const ACCESS_KEY_ID = /^AKIA[A-Z0-9]{12,124}$/;
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;
const PRINCIPAL_ARN = /^arn:aws:iam::\d{12}:(user|role)\/(?:[\w+=,.@-]+\/)*[\w+=,.@-]{1,64}$/;

/** Throws an Error naming the bad fixture entry; returns nothing when all is well. */
export function checkOptions(options: StsEmulatorOptions): void {
  const keyIds = new Set<string>();
  const serials = new Set<string>();
  for (const user of options.users) {
    const where = `emulator user ${JSON.stringify(user.userName)}`;
    if (!/^[\w+=,.@-]{1,64}$/.test(user.userName)) throw new Error(`${where}: userName must be 1-64 of [A-Za-z0-9+=,.@_-]`);
    if (!ACCOUNT_ID.test(user.accountId)) throw new Error(`${where}: accountId must be 12 digits`);
    if (!ACCESS_KEY_ID.test(user.accessKeyId)) throw new Error(`${where}: accessKeyId must look like AKIA followed by 16 upper-case letters or digits`);
    if (keyIds.has(user.accessKeyId)) throw new Error(`${where}: accessKeyId is used by another user; give each its own`);
    keyIds.add(user.accessKeyId);
    if (user.secretAccessKey.length === 0) throw new Error(`${where}: secretAccessKey is empty`);
    if (user.keyCreatedAt !== undefined && Number.isNaN(Date.parse(user.keyCreatedAt))) throw new Error(`${where}: keyCreatedAt is not a date`);
    if (user.mfa) {
      if (serials.has(user.mfa.serial)) throw new Error(`${where}: MFA serial ${user.mfa.serial} is used by another user`);
      serials.add(user.mfa.serial);
      if (user.mfa.secret.length < 10) throw new Error(`${where}: MFA secret must be at least 10 bytes (80 bits)`);
    }
  }
  const roleArns = new Set<string>();
  for (const role of options.roles) {
    const where = `emulator role ${role.arn}`;
    if (!ROLE_ARN.test(role.arn)) throw new Error(`${where}: arn must look like arn:aws:iam::222222222222:role/name`);
    if (roleArns.has(role.arn)) throw new Error(`${where}: listed twice`);
    roleArns.add(role.arn);
    const max = role.maxSessionDuration ?? DEFAULT_ROLE_MAX_SESSION;
    if (!Number.isInteger(max) || max < DEFAULT_ROLE_MAX_SESSION || max > ROLE_MAX_SESSION_LIMIT) {
      throw new Error(`${where}: maxSessionDuration must be a whole number of seconds from 3600 to 43200`);
    }
    for (const principal of role.trustedUsers) {
      if (!PRINCIPAL_ARN.test(principal)) throw new Error(`${where}: trusted principal ${principal} is not an IAM user or role ARN`);
    }
    if (role.externalId !== undefined && !/^[\w+=,.@:/-]{2,1224}$/.test(role.externalId)) {
      throw new Error(`${where}: externalId must be 2-1224 of [A-Za-z0-9+=,.@:/_-]`);
    }
  }
  const min = options.minDurationSeconds ?? AWS_MIN_DURATION;
  if (!Number.isInteger(min) || min < 1 || min > AWS_MIN_DURATION) {
    throw new Error('emulator minDurationSeconds must be a whole number of seconds from 1 to 900');
  }
  for (const [kind, seconds] of Object.entries(options.issuedLifetimeSeconds ?? {})) {
    if (seconds !== undefined && (!Number.isInteger(seconds) || seconds < 1 || seconds > SESSION_TOKEN_LIMIT)) {
      throw new Error(`emulator issuedLifetimeSeconds.${kind} must be a whole number of seconds from 1 to ${SESSION_TOKEN_LIMIT}`);
    }
  }
  if (options.sessionTokenLength !== undefined && (!Number.isInteger(options.sessionTokenLength) || options.sessionTokenLength < 16)) {
    throw new Error('emulator sessionTokenLength must be a whole number of at least 16');
  }
}
