// Signing in to IAM Identity Center by the OAuth device authorization flow (RFC 8628):
// register a client (reused while it lasts), start a device authorization, show its URL and
// user code, then poll CreateToken until the person approved in a browser. Only a finished
// sign-in is stored: a denied, expired or interrupted one leaves the keychain as it was.

import { StsTrayError } from '../errors.js';
import type { Clock } from '../ports.js';
import type { SsoIdentity } from '../../contract/sso-identity.js';
import type { DeviceAuthorization, SsoClientRegistration, SsoOidc, SsoToken } from './sso-ports.js';
import type { SsoTokenStore } from './sso-token-store.js';

/** A registration closer than this to its end is replaced: a sign-in should outlive it. */
const CLIENT_MIN_REMAINING_MS = 24 * 3600_000;
/** RFC 8628 §3.5: on slow_down, poll that much less often from then on. */
const SLOW_DOWN_STEP_MS = 5_000;
/** Network failures in a row while polling before giving up (the code stays valid meanwhile). */
const MAX_POLL_NETWORK_FAILURES = 3;
const SSO_CLIENT_NAME = 'sts-tray';

export interface SignInDeps {
  readonly oidc: SsoOidc;
  readonly store: SsoTokenStore;
  readonly clock: Clock;
  readonly sleep: (ms: number) => Promise<void>;
}

/** What the person needs to approve the sign-in; the device code stays inside. */
export interface SignInPrompt {
  readonly identity: string;
  readonly userCode: string;
  readonly verificationUri: string;
  readonly verificationUriComplete: string;
  readonly expiresAt: number;
}

export interface PendingSignIn extends SignInPrompt {
  readonly region: string;
  readonly client: SsoClientRegistration;
  readonly deviceCode: string;
  readonly intervalSeconds: number;
}

export async function beginSignIn(deps: SignInDeps, identity: SsoIdentity): Promise<PendingSignIn> {
  let client = await usableClient(deps, identity);
  const start = () => deps.oidc.startDeviceAuthorization({ region: identity.region, client, startUrl: identity.startUrl });
  let authorization: DeviceAuthorization;
  try {
    authorization = await start();
  } catch (error) {
    // The stored registration was refused before its stated end (revoked, or ended early):
    // a new one, once.
    if (!(error instanceof StsTrayError) || error.code !== 'needs-sign-in') throw error;
    client = await newClient(deps, identity);
    authorization = await start();
  }
  return {
    identity: identity.name,
    region: identity.region,
    client,
    deviceCode: authorization.deviceCode,
    intervalSeconds: authorization.intervalSeconds,
    userCode: authorization.userCode,
    verificationUri: authorization.verificationUri,
    verificationUriComplete: authorization.verificationUriComplete,
    expiresAt: authorization.expiresAt,
  };
}

/** Polls until approved, then stores the tokens. Throws when denied, expired or cut off. */
export async function completeSignIn(deps: SignInDeps, pending: PendingSignIn, cancelled: () => boolean = () => false): Promise<SsoToken> {
  let intervalMs = Math.max(1, pending.intervalSeconds) * 1000;
  let networkFailures = 0;
  for (;;) {
    if (deps.clock.now() >= pending.expiresAt) throw codeExpired(pending.identity);
    await deps.sleep(intervalMs);
    if (cancelled()) throw new StsTrayError('needs-sign-in', `the sign-in of "${pending.identity}" was cancelled; nothing was saved`);
    let outcome;
    try {
      outcome = await deps.oidc.pollDeviceToken({ region: pending.region, client: pending.client, deviceCode: pending.deviceCode });
    } catch (error) {
      if (error instanceof StsTrayError && error.code === 'network' && ++networkFailures < MAX_POLL_NETWORK_FAILURES) continue;
      if (error instanceof StsTrayError && error.code === 'network') {
        throw new StsTrayError('network', `lost the connection to IAM Identity Center while waiting for the sign-in of "${pending.identity}"; nothing was saved: check the network and sign in again`, { cause: error });
      }
      throw error;
    }
    networkFailures = 0;
    if (outcome.kind === 'pending') continue;
    if (outcome.kind === 'slow-down') {
      intervalMs += SLOW_DOWN_STEP_MS;
      continue;
    }
    await deps.store.putToken(pending.identity, outcome.token);
    return outcome.token;
  }
}

async function usableClient(deps: SignInDeps, identity: SsoIdentity): Promise<SsoClientRegistration> {
  const stored = await deps.store.client(identity.name);
  if (stored && stored.expiresAt - deps.clock.now() > CLIENT_MIN_REMAINING_MS) return stored;
  return newClient(deps, identity);
}

async function newClient(deps: SignInDeps, identity: SsoIdentity): Promise<SsoClientRegistration> {
  const client = await deps.oidc.registerClient({ region: identity.region, clientName: SSO_CLIENT_NAME });
  await deps.store.putClient(identity.name, client);
  return client;
}

function codeExpired(identity: string): StsTrayError {
  return new StsTrayError('expired', `the sign-in code of "${identity}" expired before it was approved; nothing was saved: sign in again`);
}
