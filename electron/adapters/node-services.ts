// Composition root for Node shells (CLI, Electron main): the core wired to real adapters.

import { homedir } from 'node:os';
import type { AppServices, AppServicesOptions } from '../core/app-services.js';
import { ChunkedSecretStore } from '../core/chunked-secrets.js';
import type { Timers } from '../core/ports.js';
import type { RenewalEngine } from '../core/renewal/renewal-engine.js';
import { wireRenewalEngine, wireServices } from '../core/wire-services.js';
import { configFilePath } from './app-paths.js';
import { awsFilePaths } from './aws-file-paths.js';
import { KEYCHAIN_SERVICE, KeytarSecretStore } from './keytar-secret-store.js';
import { NodeFileStore } from './node-file-store.js';
import { SdkStsBroker } from './sdk-sts-broker.js';
import { SystemTimers, systemClock } from './system-timers.js';

export function createNodeServices(env: NodeJS.ProcessEnv, options: AppServicesOptions): AppServices {
  const sts = new SdkStsBroker({ endpoint: options.endpointUrl ?? (env.STS_TRAY_STS_ENDPOINT || undefined) });
  return wireServices({
    files: new NodeFileStore(),
    // Tests point this at a throw-away service name; users never need to.
    secrets: new ChunkedSecretStore(new KeytarSecretStore(env.STS_TRAY_KEYCHAIN_SERVICE || KEYCHAIN_SERVICE)),
    sts,
    clock: systemClock,
    configPath: configFilePath(env),
    awsFiles: awsFilePaths(env, homedir()),
    close: () => sts.close(),
  });
}

/**
 * The renewal engine over the services' sessions and credentials file, on the machine's
 * clock. `sts-tray watch` keeps the default timers, which keep the process alive; a shell
 * that lives anyway (the tray) may pass `new SystemTimers({ unref: true })`.
 */
export function createRenewalEngine(services: AppServices, timers: Timers = new SystemTimers()): RenewalEngine {
  return wireRenewalEngine(services, systemClock, timers);
}
