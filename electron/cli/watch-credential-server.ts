// `sts-tray watch` serves its live sessions over the credential socket, as the tray does, so
// credential_process answers from the sessions it keeps renewed. A socket that cannot be
// served (another app already serves it, a folder that is not ours) is said once and watch
// goes on renewing.

import { credentialSocketLocation } from '../adapters/credential-socket-path.js';
import { serveCredentials, type CredentialServer } from '../adapters/credential-socket-server.js';
import { describeError } from '../core/errors.js';
import type { CommandContext } from './command-context.js';
import { stamp } from './watch-lines.js';

export async function serveFromWatch(ctx: CommandContext, env: NodeJS.ProcessEnv): Promise<CredentialServer | null> {
  if (env.STS_TRAY_SOCKET === 'off') return null;
  const line = (text: string) => ctx.io.out(`${stamp(Date.now())} ${text}\n`);
  try {
    const server = await serveCredentials({
      sessions: ctx.services.sessions,
      config: () => ctx.services.configStore.load(),
      location: credentialSocketLocation(env),
      onNeedsMfa: (identity, role) =>
        line(`a tool asked for ${role}: it needs an MFA code${identity ? ` of ${identity}` : ''}; run sts-tray assume ${role}`),
    });
    line(`serving credential_process at ${server.path}`);
    return server;
  } catch (error) {
    line(`not serving credential_process: ${describeError(error)}`);
    return null;
  }
}
