// The core wired to whatever ports a shell brings: the one composition behind the Node
// shells (adapters/node-services.ts), the controller's unit rig, the renewal rigs and the
// window's e2e harness, so they cannot drift apart.

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
  /** The renewal engine's timers: real ones in the shells, virtual ones in tests. */
  readonly timers: Timers;
  /** Renewal jitter; tests pass `() => 0`. */
  readonly random?: () => number;
  /** The app's own config file. */
  readonly configPath: string;
  readonly awsFiles: AwsFilePaths;
  /** Releases what the ports hold (sockets), so a CLI process can exit at once. */
  readonly close?: () => void;
}

export function composeServices(ports: ServicePorts): AppServices {
  const { files, secrets, sts, clock, awsFiles } = ports;
  const configStore = new AppConfigStore(files, ports.configPath);
  const config = () => configStore.load();
  const profiles = new AwsProfileStore(files, awsFiles);
  const sessions = new SessionService({ config, secrets, sts, clock });
  const engine = new RenewalEngine({ sessions, profiles, config, clock, timers: ports.timers, random: ports.random });
  const release = ports.close ?? (() => undefined);
  return {
    configStore,
    secrets,
    sts,
    profiles,
    sessions,
    engine,
    awsFiles,
    close: () => {
      engine.stop();
      release();
    },
  };
}
