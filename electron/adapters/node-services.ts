// Composition root for Node shells (CLI, Electron main): the core wired to real adapters.

import { homedir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import type { AppServices, AppServicesOptions } from '../core/app-services.js';
import { ChunkedSecretStore } from '../core/chunked-secrets.js';
import { composeServices } from '../core/compose-services.js';
import { configFilePath } from './app-paths.js';
import { awsFilePaths } from './aws-file-paths.js';
import { KEYCHAIN_SERVICE, KeytarSecretStore } from './keytar-secret-store.js';
import { NodeFileStore } from './node-file-store.js';
import { FederationConsoleSignin } from './federation-console-signin.js';
import { QueryIamKeys } from './query-iam-keys.js';
import { SdkStsBroker } from './sdk-sts-broker.js';
import { SsoHttpClient } from './sso-http-client.js';
import { SystemTimers, systemClock } from './system-timers.js';

/**
 * The renewal engine's timers never keep the process alive: the tray lives anyway, a CLI
 * command should exit when its work is done, and `watch` holds the process itself.
 */
export function composeNodeServices(env: NodeJS.ProcessEnv, options: AppServicesOptions): AppServices {
  const sts = new SdkStsBroker({ endpoint: options.endpointUrl ?? (env.STS_TRAY_STS_ENDPOINT || undefined) });
  return composeServices({
    files: new NodeFileStore(),
    // Tests point this at a throw-away service name; users never need to.
    secrets: new ChunkedSecretStore(new KeytarSecretStore(env.STS_TRAY_KEYCHAIN_SERVICE || KEYCHAIN_SERVICE)),
    sts,
    clock: systemClock,
    timers: new SystemTimers({ unref: true }),
    configPath: configFilePath(env),
    awsFiles: awsFilePaths(env, homedir()),
    tools: {
      stsTools: sts,
      iam: new QueryIamKeys({ endpoint: options.iamEndpointUrl ?? (env.STS_TRAY_IAM_ENDPOINT || undefined) }),
      signin: new FederationConsoleSignin(),
      signinEndpoint: options.signinEndpoint ?? (env.STS_TRAY_SIGNIN_ENDPOINT || undefined),
      wait: delay,
    },
    close: () => sts.close(),
    // Tests point this at the Identity Center emulator.
    sso: new SsoHttpClient({ endpoint: env.STS_TRAY_SSO_ENDPOINT || undefined }),
    sleep: delay,
  });
}
