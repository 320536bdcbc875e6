// The renewal benchmark's fleet: N identities × M roles, as the STS emulator must know them
// (IAM users with virtual MFA devices, roles that trust them and require MFA and an external
// ID) and as sts-tray's config names them. Every key, secret and seed here is obviously fake.

import type { EmulatorRole, EmulatorUser } from '../e2e/rig/sts-emulator/sts-emulator.js';
import { appConfigSchema, type AppConfig } from '../electron/core/model.js';

export interface FleetShape {
  readonly identities: number;
  readonly rolesPerIdentity: number;
  readonly roleSeconds: number;
  readonly mfaSessionSeconds: number;
  readonly region: string;
}

export interface Fleet {
  readonly users: readonly EmulatorUser[];
  readonly roles: readonly EmulatorRole[];
  readonly config: AppConfig;
  /** Identity name → its long-lived secret (goes to the keychain in setup). */
  readonly secrets: ReadonlyMap<string, string>;
  /** Identity name → its MFA device serial (the simulated user reads codes off it). */
  readonly serials: ReadonlyMap<string, string>;
}

const HUB_ACCOUNT = '111111111111';
const ENVS = ['tes', 'stg', 'prd'] as const;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function buildFleet(shape: FleetShape): Fleet {
  const users: EmulatorUser[] = [];
  const roles: EmulatorRole[] = [];
  const identities: unknown[] = [];
  const configRoles: unknown[] = [];
  const secrets = new Map<string, string>();
  const serials = new Map<string, string>();
  for (let i = 1; i <= shape.identities; i += 1) {
    const name = `bench-${pad(i, 2)}`;
    const serial = `arn:aws:iam::${HUB_ACCOUNT}:mfa/${name}`;
    const user: EmulatorUser = {
      userName: name,
      accountId: HUB_ACCOUNT,
      accessKeyId: `AKIAFAKEBENCHRENEW${pad(i, 2)}`,
      secretAccessKey: `fake-secret-bench-renewal-${pad(i, 4)}-0000000000000000`,
      mfa: { serial, secret: new TextEncoder().encode(`fake-totp-seed-bench-renewal-${pad(i, 4)}`) },
    };
    users.push(user);
    secrets.set(name, user.secretAccessKey);
    serials.set(name, serial);
    identities.push({ name, accessKeyId: user.accessKeyId, mfaSerial: serial, region: shape.region, mfaSessionSeconds: shape.mfaSessionSeconds });
    // One account per identity keeps ARNs distinct and realistic (a team's accounts).
    const account = `3000000000${pad(i, 2)}`;
    const externalId = `ext-bench-${pad(i, 2)}`;
    for (let r = 1; r <= shape.rolesPerIdentity; r += 1) {
      const roleName = `${name}-r${pad(r, 3)}`;
      const arn = `arn:aws:iam::${account}:role/bench-r${pad(r, 3)}`;
      roles.push({ arn, trustedUsers: [`arn:aws:iam::${HUB_ACCOUNT}:user/${name}`], externalId, requireMfa: true });
      configRoles.push({
        name: roleName,
        env: ENVS[r % ENVS.length],
        identity: name,
        roleArn: arn,
        externalId,
        durationSeconds: shape.roleSeconds,
        region: shape.region,
        mfa: true,
      });
    }
  }
  const config = appConfigSchema.parse({ version: 1, identities, roles: configRoles });
  return { users, roles, config, secrets, serials };
}

