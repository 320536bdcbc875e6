// What a shell (CLI, tray) gets from the composition root: the core wired to adapters.

import type { AppConfigStore } from './app-config-store.js';
import type { AwsFilePaths, AwsProfileStore } from './credentials-file/aws-profile-store.js';
import type { SecretStore, StsBroker } from './ports.js';
import type { RenewalEngine } from './renewal/renewal-engine.js';
import type { SessionService } from './sessions.js';
import type { SsoComponents } from './sso/sso-components.js';

export interface AppServices {
  readonly configStore: AppConfigStore;
  readonly secrets: SecretStore;
  readonly sts: StsBroker;
  readonly profiles: AwsProfileStore;
  readonly sessions: SessionService;
  /** Activation and renewal: every switch goes through `engine.activate`. */
  readonly engine: RenewalEngine;
  readonly awsFiles: AwsFilePaths;
  /** IAM Identity Center sign-ins, where the shell can reach it. */
  readonly sso?: SsoComponents | undefined;
  /** Stops renewal and releases sockets and timers so a CLI process can exit at once. */
  close(): void;
}

export interface AppServicesOptions {
  /** STS endpoint override (tests, private endpoints). */
  readonly endpointUrl?: string | undefined;
}
