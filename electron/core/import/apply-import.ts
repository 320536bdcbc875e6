// Import, step two: create what the plan proposes through the same admin services the CLI
// and the window use. Each key is verified with STS before it is stored (a key STS refuses is
// reported and not stored); on request, imported role profiles are handed over to sts-tray
// (credential_process instead of source_profile) and the plain-text key lines are removed,
// but only for a key that is in the keychain and verified, and only once no profile in the
// config still takes its keys from that section. Running it again changes nothing.

import type { IMPORT_STATUSES } from '../../contract/import-views.js';
import type { AppServices } from '../app-services.js';
import { credentialProcessCommand } from '../credential-process-command.js';
import { describeError } from '../errors.js';
import { addIdentity } from '../identity-admin.js';
import { loadIdentityKey } from '../identity-keys.js';
import type { Role } from '../model.js';
import { saveRole } from '../role-admin.js';
import type { ImportPlan } from './import-plan.js';

export interface ApplyImportOptions {
  /** Hand imported role profiles in the config file over to sts-tray (credential_process). */
  readonly credentialProcess: boolean;
  /** Remove the long-lived key lines from the credentials file once the key is stored and verified. */
  readonly removePlaintext: boolean;
  /** The Node binary and CLI file that credential_process runs (from the shell). */
  readonly launcher: readonly string[];
}

export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportOutcome {
  readonly kind: 'identity' | 'role';
  readonly name: string;
  readonly status: ImportStatus;
  readonly detail: string;
}

/** Keys a handed-over role profile no longer needs: sts-tray now holds them. */
const ROLE_KEYS = ['role_arn', 'source_profile', 'mfa_serial', 'external_id', 'duration_seconds', 'role_session_name'];
const KEY_LINES = ['aws_access_key_id', 'aws_secret_access_key'];

type ImportServices = Pick<AppServices, 'configStore' | 'secrets' | 'sts' | 'sessions' | 'profiles' | 'clock'>;

export async function applyImport(services: ImportServices, plan: ImportPlan, options: ApplyImportOptions): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  /** Identities whose key is in the keychain and was verified (now or before). */
  const verified = new Set<string>();

  for (const proposal of plan.identities) {
    const { identity } = proposal;
    if (proposal.exists) {
      const stored = await sameKeyStored(services, identity.name, identity.accessKeyId, proposal.secretAccessKey);
      if (stored) verified.add(identity.name);
      outcomes.push({ kind: 'identity', name: identity.name, status: 'exists', detail: stored ? 'already in sts-tray with this key' : 'already in sts-tray with another key; not changed' });
      continue;
    }
    try {
      const caller = await addIdentity(services, identity, proposal.secretAccessKey);
      verified.add(identity.name);
      outcomes.push({ kind: 'identity', name: identity.name, status: 'created', detail: `key verified with STS (${caller?.arn ?? 'unknown'}) and stored in the keychain` });
    } catch (error) {
      outcomes.push({ kind: 'identity', name: identity.name, status: 'refused', detail: `not stored: ${describeError(error)}` });
    }
  }

  const config = await services.configStore.load();
  const haveIdentity = new Set(config.identities.map((i) => i.name));
  /** Role profiles that no longer read keys from their source profile. */
  const switched = new Set<string>();

  for (const proposal of plan.roles) {
    const { role } = proposal;
    if (proposal.exists) {
      const existing = config.roles.find((r) => r.name === role.name);
      outcomes.push({ kind: 'role', name: role.name, status: 'exists', detail: 'already in sts-tray; not changed' });
      if (existing?.credentialProcess) switched.add(role.name);
      continue;
    }
    if (!haveIdentity.has(role.identity)) {
      outcomes.push({ kind: 'role', name: role.name, status: 'refused', detail: `its identity "${role.identity}" was not imported` });
      continue;
    }
    // Handed over, the role writes the user's own profile name; otherwise a name of its own,
    // so the user's [profile NAME] keeps working exactly as before.
    const imported: Role = options.credentialProcess ? { ...role, credentialProcess: true } : { ...role, profile: `${role.name}-sts` };
    try {
      await saveRole(services, imported);
      if (options.credentialProcess) {
        await services.profiles.editSection('config', {
          section: proposal.configSection.section,
          drop: ROLE_KEYS,
          set: [['credential_process', credentialProcessCommand(options.launcher, role.name)]],
          adoptAs: `role ${role.name}`,
        });
        switched.add(role.name);
        outcomes.push({ kind: 'role', name: role.name, status: 'switched', detail: `created; [${proposal.configSection.section}] now runs sts-tray (credential_process)` });
      } else {
        outcomes.push({ kind: 'role', name: role.name, status: 'created', detail: `created, writing profile [${role.name}-sts]; your [${proposal.configSection.section}] is unchanged` });
      }
    } catch (error) {
      // A role saved but not handed over falls back to a profile of its own.
      const saved = (await services.configStore.load()).roles.some((r) => r.name === role.name);
      if (saved) await saveRole(services, { ...role, profile: `${role.name}-sts` }, { replace: true });
      outcomes.push({ kind: 'role', name: role.name, status: 'refused', detail: describeError(error) });
    }
  }

  if (options.removePlaintext) {
    for (const proposal of plan.identities) {
      const name = proposal.identity.name;
      if (!verified.has(name)) {
        outcomes.push({ kind: 'identity', name, status: 'plaintext-kept', detail: 'its key is not stored and verified in sts-tray, so its lines stay in the credentials file' });
        continue;
      }
      const users = proposal.referencedBy.filter((profile) => !switched.has(profile));
      if (users.length > 0) {
        outcomes.push({ kind: 'identity', name, status: 'plaintext-kept', detail: `profiles ${users.join(', ')} still take their keys from it; import with --credential-process to hand them over first` });
        continue;
      }
      try {
        await services.profiles.editSection('credentials', { section: proposal.keySection.section, drop: KEY_LINES });
        outcomes.push({ kind: 'identity', name, status: 'plaintext-removed', detail: `key lines removed from ${proposal.keySection.file} [${proposal.keySection.section}]; the key is in the keychain` });
      } catch (error) {
        outcomes.push({ kind: 'identity', name, status: 'plaintext-kept', detail: describeError(error) });
      }
    }
  }
  return outcomes;
}

async function sameKeyStored(services: ImportServices, name: string, accessKeyId: string, secret: string): Promise<boolean> {
  const config = await services.configStore.load();
  const identity = config.identities.find((i) => i.name === name);
  if (!identity || identity.accessKeyId !== accessKeyId) return false;
  try {
    const stored = await loadIdentityKey(services.secrets, identity);
    return stored.secretAccessKey === secret;
  } catch {
    return false;
  }
}
