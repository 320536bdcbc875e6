// What a shell (CLI, tray) gets from the composition root: the core wired to adapters.

import type { AppConfigStore } from './app-config-store.js';
import type { AwsFilePaths, AwsProfileStore } from './credentials-file/aws-profile-store.js';
import type { Clock, ConsoleSignin, IamKeys, SecretStore, StsBroker, StsTools } from './ports.js';
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
  /** What the tools (key facts, rotation, console, decode) reach beyond the renewal path. */
  readonly tools: ToolPorts;
  readonly clock: Clock;
  /** Stops renewal and releases sockets and timers so a CLI process can exit at once. */
  close(): void;
}

export interface ToolPorts {
  readonly stsTools: StsTools;
  readonly iam: IamKeys;
  readonly signin: ConsoleSignin;
  /** The console sign-in endpoint when set (tests, private setups); else the partition's own. */
  readonly signinEndpoint?: string | undefined;
  /**
   * A pause between the tools' retries (rotation waits for IAM to propagate a key). It holds a
   * CLI process open, unlike the renewal engine's timers; tests pass virtual time.
   */
  readonly wait: (ms: number) => Promise<void>;
}

export interface AppServicesOptions {
  /** STS endpoint override (tests, private endpoints). */
  readonly endpointUrl?: string | undefined;
  /** IAM endpoint override (tests). */
  readonly iamEndpointUrl?: string | undefined;
  /** Console sign-in endpoint override (tests): the only URL the console link may then go to. */
  readonly signinEndpoint?: string | undefined;
}
