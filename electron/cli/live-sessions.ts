// A role's live session from the running tray or `sts-tray watch`, over the credential
// socket, so `credential-process`, `export` and `whoami` reuse it instead of assuming the
// role again. STS_TRAY_SOCKET=off skips the socket (the launcher sets it after it asked
// and found no app, so a command never waits on a dead socket twice).

import { askCredentialSocket, type SocketAnswer } from '../adapters/credential-socket-client.js';
import { credentialSocketLocation } from '../adapters/credential-socket-path.js';
import type { ServedSession } from '../adapters/credential-socket-protocol.js';
import type { TemporaryCredentials } from '../core/model.js';

export type LiveSessions = (role: string) => Promise<SocketAnswer>;

export const NO_LIVE_SESSIONS: LiveSessions = () =>
  Promise.resolve({ ok: 'unavailable', why: 'not asked', suspicious: false });

export function socketLiveSessions(env: NodeJS.ProcessEnv): LiveSessions {
  if (env.STS_TRAY_SOCKET === 'off') return NO_LIVE_SESSIONS;
  return (role) => askCredentialSocket(credentialSocketLocation(env), { op: 'session', role });
}

/** A served session in the shape the core's export and STS calls take. */
export function servedCredentials(session: ServedSession): { credentials: TemporaryCredentials; region: string } {
  return {
    credentials: {
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken,
      expiresAt: session.expiresAt,
      // The server already turned STS's expiry into ours.
      serverClockOffsetMs: 0,
    },
    region: session.region,
  };
}

/** The one line a tool shows when a code is needed: never a prompt inside an AWS tool. */
export function needsMfaMessage(role: string): string {
  return `role ${role} needs an MFA code; enter it in the tray or run \`sts-tray assume ${role}\``;
}
