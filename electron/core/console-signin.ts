// Opening the AWS console as a role or as the identity itself: a sign-in token from the
// federation endpoint for the role's session, or for a GetFederationToken session of the
// identity's long-lived key (its own permissions, narrowed by its console policy), then the
// login URL. The URL is a secret: it signs in whoever holds it, so it goes only to the
// opener (main's shell port, or the CLI's --print), never to a log or the window.

import type { AppServices } from './app-services.js';
import { checkConsoleUrl, consoleDestination, loginUrl, signinEndpointFor } from './console-url.js';
import { StsTrayError } from './errors.js';
import { loadIdentityKey } from './identity-keys.js';
import type { TemporaryCredentials } from './model.js';
import { findIdentity, findRole } from './sessions.js';
import { partitionOfArn, partitionOfRegion, type Partition } from '../contract/partitions.js';
import { checkConsoleDuration, checkRegion } from '../contract/sts-limits.js';

export type ConsoleTarget = { readonly role: string } | { readonly identity: string };

export interface ConsoleRequest {
  readonly target: ConsoleTarget;
  /** A service name (s3) or a console URL; default the console's home. */
  readonly destination?: string | undefined;
  readonly region?: string | undefined;
  /** The console session's length, 15 min to 12 h; default 1 h. */
  readonly durationSeconds?: number | undefined;
  readonly mfaCode?: string | undefined;
}

export interface ConsoleLink {
  /** The login URL: a secret for the opener only. */
  readonly url: string;
  /** Who the console opens as (role session or federated user ARN). */
  readonly principal: string;
  /** The only endpoint an opener may send the URL to (checkConsoleUrl). */
  readonly endpoint: string;
  readonly notices: readonly string[];
}

const DEFAULT_CONSOLE_SECONDS = 3600;

type ConsoleServices = Pick<AppServices, 'configStore' | 'secrets' | 'sessions' | 'tools'>;

export async function consoleLink(services: ConsoleServices, request: ConsoleRequest): Promise<ConsoleLink> {
  const seconds = request.durationSeconds ?? DEFAULT_CONSOLE_SECONDS;
  const durationProblem = checkConsoleDuration(seconds);
  if (durationProblem) throw new StsTrayError('validation', durationProblem);
  if (request.region !== undefined) {
    const regionProblem = checkRegion(request.region);
    if (regionProblem) throw new StsTrayError('validation', regionProblem);
  }
  const config = await services.configStore.load();
  const notices: string[] = [];
  let credentials: TemporaryCredentials;
  let region: string;
  let partition: Partition;
  let sessionDurationSeconds: number | undefined;
  if ('role' in request.target) {
    const role = findRole(config, request.target.role);
    const session = await services.sessions.roleSession(role.name, { mfaCode: request.mfaCode });
    credentials = session.credentials;
    region = request.region ?? session.region;
    partition = partitionOfArn(role.roleArn) ?? 'aws';
    sessionDurationSeconds = seconds;
  } else {
    const identity = findIdentity(config, request.target.identity);
    region = request.region ?? identity.region;
    partition = partitionOfRegion(identity.region);
    // GetFederationToken refuses session credentials, so this session never carries MFA.
    if (identity.mfaSerial) {
      notices.push(
        `the console opens as a federated user of "${identity.name}" without MFA (GetFederationToken cannot be called with an MFA session): pages whose policies require MFA will deny you; open the console with a role instead (sts-tray console ROLE)`,
      );
    }
    const key = await loadIdentityKey(services.secrets, identity);
    credentials = await services.tools.stsTools.getFederationToken({
      credentials: key,
      region: identity.region,
      name: federatedName(identity.name),
      durationSeconds: seconds,
      policy: identity.consolePolicy,
    });
  }
  const endpoint = signinEndpointFor(partition, services.tools.signinEndpoint);
  const token = await services.tools.signin.getSigninToken({ endpoint, credentials, sessionDurationSeconds });
  const url = loginUrl(endpoint, token, consoleDestination(request.destination, region, partition));
  const problem = checkConsoleUrl(url, endpoint);
  if (problem) throw new StsTrayError('validation', `the console URL cannot be opened: ${problem}`);
  return { url, principal: credentials.assumedRoleArn ?? '', endpoint, notices };
}

/** GetFederationToken's Name: 2 to 32 of [\w+=,.@-]; our names are 1 to 64 of a subset. */
function federatedName(identity: string): string {
  const name = identity.slice(0, 32);
  return name.length >= 2 ? name : `${name}-console`;
}
