// The core wired to whatever ports a shell brings: the one composition behind the Node
// shells (adapters/node-services.ts), the controller's unit rig and the window's e2e harness,
// so they cannot drift apart.

import { AppConfigStore } from './app-config-store.js';
import type { AppServices } from './app-services.js';
import { AwsProfileStore, type AwsFilePaths } from './credentials-file/aws-profile-store.js';
import type { Clock, FileStore, SecretStore, StsBroker, Timers } from './ports.js';
import { RenewalEngine } from './renewal/renewal-engine.js';
import { SessionService } from './sessions.js';

export interface ServicePorts {
  readonly files: FileStore;
  readonly secrets: SecretStore;
  readonly sts: StsBroker;
  readonly clock: Clock;
  /** The app's own config file. */
  readonly configPath: string;
  readonly awsFiles: AwsFilePaths;
  /** Releases what the ports hold (sockets), so a CLI process can exit at once. */
  readonly close?: () => void;
}

export function wireServices(ports: ServicePorts): AppServices {
  const { files, secrets, sts, clock, awsFiles } = ports;
  const configStore = new AppConfigStore(files, ports.configPath);
  const profiles = new AwsProfileStore(files, awsFiles);
  const sessions = new SessionService({ config: () => configStore.load(), secrets, sts, profiles, clock });
  return { configStore, secrets, sts, profiles, sessions, awsFiles, close: ports.close ?? (() => undefined) };
}

/** The renewal engine over the services' sessions, credentials file and config. */
export function wireRenewalEngine(services: AppServices, clock: Clock, timers: Timers, random?: () => number): RenewalEngine {
  return new RenewalEngine({
    sessions: services.sessions,
    profiles: services.profiles,
    config: () => services.configStore.load(),
    clock,
    timers,
    random,
  });
}
