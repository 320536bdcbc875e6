// The Identity Center parts a shell gets beside the rest of the core: the sign-in flow's
// collaborators, the live sessions (tokens, refresh, role credentials) and the portal.

import type { Clock, SecretStore } from '../ports.js';
import type { SignInDeps } from './sso-sign-in.js';
import type { SsoPortal, SsoService } from './sso-ports.js';
import { SsoSessions } from './sso-sessions.js';
import { SsoTokenStore } from './sso-token-store.js';

export interface SsoComponents {
  readonly signIn: SignInDeps;
  readonly sessions: SsoSessions;
  readonly portal: SsoPortal;
}

export function composeSso(service: SsoService, secrets: SecretStore, clock: Clock, sleep: (ms: number) => Promise<void>): SsoComponents {
  const store = new SsoTokenStore(secrets);
  return {
    signIn: { oidc: service, store, clock, sleep },
    sessions: new SsoSessions(service, store, clock),
    portal: service,
  };
}
