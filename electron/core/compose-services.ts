// The core wired to whatever ports a shell brings: the one composition behind the Node
// shells (adapters/node-services.ts), the controller's unit rig, the renewal rigs and the
// window's e2e harness, so they cannot drift apart.

import { AppConfigStore } from './app-config-store.js';
import type { AppServices, ToolPorts } from './app-services.js';
import { AwsProfileStore, type AwsFilePaths } from './credentials-file/aws-profile-store.js';
import type { AppConfig } from './model.js';
import type { Clock, FileStore, SecretStore, StsBroker, Timers } from './ports.js';
import { RenewalEngine } from './renewal/renewal-engine.js';
import { SessionService, type SsoRoleSource } from './sessions.js';
import { composeSso } from './sso/sso-components.js';
import type { SsoService } from './sso/sso-ports.js';

export interface ServicePorts {
  readonly files: FileStore;
  readonly secrets: SecretStore;
  readonly sts: StsBroker;
  readonly clock: Clock;
  /** The renewal engine's timers: real ones in the shells, virtual ones in tests. */
  readonly timers: Timers;
  /** Renewal jitter; tests pass `() => 0`. */
  readonly random?: () => number;
  /** The app's own config file. */
  readonly configPath: string;
  readonly awsFiles: AwsFilePaths;
  readonly tools: ToolPorts;
  /** Releases what the ports hold (sockets), so a CLI process can exit at once. */
  readonly close?: () => void;
  /** IAM Identity Center (sso-oidc and the access portal); without it, SSO roles cannot be used. */
  readonly sso?: SsoService | undefined;
  /** A wait that keeps the process alive (the sign-in's polling); default: the renewal timers. */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
}

export interface RenewalPorts {
  readonly config: () => AppConfig | Promise<AppConfig>;
  readonly secrets: SecretStore;
  readonly sts: StsBroker;
  readonly profiles: AwsProfileStore;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly random?: (() => number) | undefined;
  readonly sso?: SsoRoleSource | undefined;
}

/**
 * Sessions and the renewal engine over a config source: composeServices reads the config
 * file; the renewal rigs, the simulation and the renewal benchmark bring theirs in memory.
 */
export function composeRenewal(ports: RenewalPorts): { readonly sessions: SessionService; readonly engine: RenewalEngine } {
  const { config, secrets, sts, clock } = ports;
  const sessions = new SessionService({ config, secrets, sts, clock, sso: ports.sso });
  const engine = new RenewalEngine({ sessions, profiles: ports.profiles, config, clock, timers: ports.timers, random: ports.random });
  return { sessions, engine };
}

export function composeServices(ports: ServicePorts): AppServices {
  const { files, secrets, sts, clock, awsFiles } = ports;
  const configStore = new AppConfigStore(files, ports.configPath);
  const profiles = new AwsProfileStore(files, awsFiles);
  const sleep = ports.sleep ?? ((ms: number) => new Promise<void>((resolve) => ports.timers.setTimer(resolve, ms)));
  const sso = ports.sso ? composeSso(ports.sso, secrets, clock, sleep) : undefined;
  const { sessions, engine } = composeRenewal({
    config: () => configStore.load(),
    secrets,
    sts,
    profiles,
    clock,
    timers: ports.timers,
    random: ports.random,
    sso: sso?.sessions,
  });
  const release = ports.close ?? (() => undefined);
  return {
    configStore,
    secrets,
    sts,
    profiles,
    sessions,
    engine,
    awsFiles,
    sso,
    tools: ports.tools,
    clock,
    close: () => {
      engine.stop();
      release();
    },
  };
}
