// The tray's credential socket in one call for main: its live sessions served to
// credential_process, a request that needs a code raising the tray's MFA prompt, and a
// socket that cannot be served reported without keeping the tray from starting.

import type { AppServices } from '../core/app-services.js';
import { credentialSocketLocation } from './credential-socket-path.js';
import { serveCredentials, type CredentialServer } from './credential-socket-server.js';

export async function serveAppCredentials(
  services: AppServices,
  env: NodeJS.ProcessEnv,
  promptMfa: (identity: string, role: string) => void,
  onError: (error: unknown) => void,
): Promise<CredentialServer | null> {
  try {
    return await serveCredentials({
      sessions: services.sessions,
      config: () => services.configStore.load(),
      location: credentialSocketLocation(env),
      onNeedsMfa: (identity, role) => {
        if (identity) promptMfa(identity, role);
      },
    });
  } catch (error) {
    onError(error);
    return null;
  }
}
