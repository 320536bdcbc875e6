// Import, step one: from the text of the user's config and credentials files to what sts-tray
// would create (identities from long-lived keys, roles from role_arn + source_profile) and
// what it leaves alone, each with the reason. Nothing here writes anything; the secret key
// stays in the proposal (memory only) so the apply step can verify and store it.

import { checkSecretAccessKey } from '../identity-keys.js';
import { type AppConfig, type Identity, identitySchema, type Role, roleSchema } from '../model.js';
import { describeIssues } from '../schema-errors.js';
import { guessEnvironment } from './environment-guess.js';
import { type ResolvedProfile, type SectionRef, placeOf, resolveProfiles } from './aws-profile-map.js';
import type { IniDocument } from '../credentials-file/ini-document.js';
import { ssoProfileReason, ssoSessionNotes, ssoSessions } from './sso-import-notes.js';

export interface IdentityProposal {
  readonly identity: Identity;
  /** Memory only: never printed, logged or sent to the renderer. */
  readonly secretAccessKey: string;
  /** The credentials-file section that holds the key in plain text. */
  readonly keySection: SectionRef;
  /** An identity of this name is already in sts-tray: reported, not changed. */
  readonly exists: boolean;
  /** Profiles whose source_profile is this one: they need its key lines while they keep it. */
  readonly referencedBy: readonly string[];
}

export interface RoleProposal {
  readonly role: Role;
  /** The user's own config section for this profile (role_arn + source_profile). */
  readonly configSection: SectionRef;
  readonly exists: boolean;
}

export interface NotImported {
  readonly profile: string;
  readonly where: string;
  readonly why: string;
}

export interface ImportPlan {
  readonly identities: readonly IdentityProposal[];
  readonly roles: readonly RoleProposal[];
  readonly notImported: readonly NotImported[];
}

const SSO = /^sso_/;

function where(p: ResolvedProfile): string {
  const at = p.config ?? p.credentials;
  return at ? placeOf(at) : '';
}

function hasAny(values: ReadonlyMap<string, string>, test: (key: string) => boolean): string | undefined {
  return [...values.keys()].find(test);
}

/** Why a profile cannot be an identity, or null when it can. */
function identityProblem(p: ResolvedProfile): string | null {
  const v = p.values;
  const id = v.get('aws_access_key_id');
  const secret = v.get('aws_secret_access_key');
  if (id === undefined && secret === undefined) return 'it holds no access key';
  if (id === undefined || secret === undefined) return 'it has only one of aws_access_key_id and aws_secret_access_key';
  if (v.has('aws_session_token') || v.has('aws_security_token')) return 'its key is temporary (it has a session token); only long-lived IAM user keys are imported';
  if (!p.credentials) return 'its key is in the config file; sts-tray imports keys from the credentials file only';
  if (checkSecretAccessKey(secret) !== null) return 'its aws_secret_access_key does not look like a secret access key';
  return null;
}

function seconds(text: string | undefined): number | undefined {
  return text !== undefined && /^[0-9]{1,6}$/.test(text) ? Number(text) : text === undefined ? undefined : Number.NaN;
}

export interface PlanInput {
  readonly config: IniDocument;
  readonly credentials: IniDocument;
  readonly existing: AppConfig;
}

export function planImport({ config, credentials, existing }: PlanInput): ImportPlan {
  const profiles = resolveProfiles(config, credentials);
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const notImported: NotImported[] = [];
  const skip = (p: ResolvedProfile, why: string) => notImported.push({ profile: p.name, where: where(p), why });
  const identities = new Map<string, IdentityProposal>();
  const roleProfiles: ResolvedProfile[] = [];
  const identityNames = new Set(existing.identities.map((i) => i.name));
  const roleNames = new Set(existing.roles.map((r) => r.name));
  const sessions = ssoSessions(config);

  for (const p of profiles) {
    const v = p.values;
    if (p.config?.ours || p.credentials?.ours) {
      skip(p, 'written by sts-tray');
      continue;
    }
    const redirect = v.has('credential_process') ? 'credential_process' : v.has('credential_source') ? 'credential_source' : v.has('web_identity_token_file') ? 'web_identity_token_file' : hasAny(v, (k) => SSO.test(k));
    if (redirect === 'credential_process' && /sts-tray/.test(v.get('credential_process') ?? '')) {
      skip(p, 'already served by sts-tray (credential_process)');
      continue;
    }
    if (redirect !== undefined && SSO.test(redirect)) {
      skip(p, ssoProfileReason(v, sessions));
      continue;
    }
    if (redirect !== undefined) {
      skip(p, `it uses ${redirect}, which sts-tray does not import; it keeps working as it is`);
      continue;
    }
    if (v.has('role_arn')) {
      roleProfiles.push(p);
      continue;
    }
    const problem = identityProblem(p);
    if (problem !== null) {
      skip(p, problem);
      continue;
    }
    const parsed = identitySchema.safeParse({
      name: p.name,
      accessKeyId: v.get('aws_access_key_id'),
      mfaSerial: v.get('mfa_serial'),
      region: v.get('region'),
    });
    if (!parsed.success) {
      skip(p, `it cannot be an identity: ${describeIssues(parsed.error.issues)}`);
      continue;
    }
    identities.set(p.name, {
      identity: parsed.data,
      secretAccessKey: v.get('aws_secret_access_key') ?? '',
      keySection: p.credentials as SectionRef,
      exists: identityNames.has(p.name),
      referencedBy: profiles.filter((q) => q.values.get('source_profile') === p.name).map((q) => q.name),
    });
  }

  const roles: RoleProposal[] = [];
  for (const p of roleProfiles) {
    const v = p.values;
    const source = v.get('source_profile');
    if (source === undefined) {
      skip(p, 'it has role_arn but no source_profile');
      continue;
    }
    const sourceProfile = byName.get(source);
    if (sourceProfile?.values.has('role_arn')) {
      skip(p, `its source_profile "${source}" is itself a role profile (a role chain); chains are not imported`);
      continue;
    }
    const identity = identities.get(source);
    if (!identity) {
      skip(p, `its source_profile "${source}" is not an imported identity (${sourceProfile ? 'see that profile' : 'no such profile'})`);
      continue;
    }
    const mfaSerial = v.get('mfa_serial');
    if (mfaSerial !== undefined && identity.identity.mfaSerial === undefined) {
      identities.set(source, { ...identity, identity: { ...identity.identity, mfaSerial } });
    }
    const parsed = roleSchema.safeParse({
      name: p.name,
      env: guessEnvironment(p.name, v.get('role_arn')),
      identity: source,
      roleArn: v.get('role_arn'),
      externalId: v.get('external_id'),
      sessionName: v.get('role_session_name'),
      durationSeconds: seconds(v.get('duration_seconds')),
      mfa: mfaSerial !== undefined,
    });
    if (!parsed.success) {
      skip(p, `it cannot be a role: ${describeIssues(parsed.error.issues)}`);
      continue;
    }
    if (!p.config) {
      skip(p, 'its role_arn is in the credentials file; sts-tray imports role profiles from the config file');
      continue;
    }
    roles.push({ role: parsed.data, configSection: p.config, exists: roleNames.has(p.name) });
  }
  return { identities: [...identities.values()], roles, notImported: [...notImported, ...ssoSessionNotes(config)] };
}
