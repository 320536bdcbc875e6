// What a shell (CLI, tray) gets from the composition root: the core wired to adapters.

import type { AppConfigStore } from './app-config-store.js';
import type { AwsFilePaths, AwsProfileStore } from './credentials-file/aws-profile-store.js';
import type { SecretStore, StsBroker } from './ports.js';
import type { SessionService } from './sessions.js';

export interface AppServices {
  readonly configStore: AppConfigStore;
  readonly secrets: SecretStore;
  readonly sts: StsBroker;
  readonly profiles: AwsProfileStore;
  readonly sessions: SessionService;
  readonly awsFiles: AwsFilePaths;
  /** Releases sockets and timers so a CLI process can exit at once. */
  close(): void;
}

export interface AppServicesOptions {
  /** STS endpoint override (tests, private endpoints). */
  readonly endpointUrl?: string | undefined;
}
