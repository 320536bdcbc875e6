// The running tray's (and `sts-tray watch`'s) side of the credential socket: answers
// "session for role X" from the live session in memory, so an AWS tool's
// credential_process costs no keychain read and no STS call while the session is fresh,
// and concurrent callers for one role share one STS call (SessionService's in-flight).
// The socket's folder and file are checked to be ours and private before serving.

import { chmodSync, lstatSync, mkdirSync, unlinkSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { StsTrayError, describeError } from '../core/errors.js';
import type { AppConfig } from '../contract/config-schema.js';
import type { SessionService } from '../core/sessions.js';
import { localExpiry } from '../core/time.js';
import type { SocketLocation } from './credential-socket-path.js';
import { MAX_LINE_BYTES, parseRequest, type SessionReply } from './credential-socket-protocol.js';
import { checkSocketTrust } from './socket-trust.js';

export interface CredentialServerDeps {
  readonly sessions: Pick<SessionService, 'roleSession'>;
  readonly location: SocketLocation;
  /**
   * A request found the role waiting for an MFA code: the shell raises its prompt (the tray)
   * or prints a line (watch). Called once per identity until a session of it is served.
   */
  readonly onNeedsMfa?: (identity: string | null, role: string) => void;
  /** The app's config, to name the identity whose code is needed. */
  readonly config: () => AppConfig | Promise<AppConfig>;
}

export interface CredentialServer {
  readonly path: string;
  close(): Promise<void>;
}

/** A client that sends nothing useful is dropped after this long. */
const IDLE_MS = 5_000;

export async function serveCredentials(deps: CredentialServerDeps): Promise<CredentialServer> {
  const { location } = deps;
  if (location.dir !== null) await prepareFolder(location.dir, location.path);
  const prompted = new Set<string>();
  const server = createServer((socket) => handle(socket, deps, prompted));
  server.maxConnections = 256;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ path: location.path, readableAll: false, writableAll: false }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  if (location.dir !== null) {
    // The folder is 0700 already; the socket's own mode is the second lock.
    chmodSync(location.path, 0o600);
    const verdict = checkSocketTrust(location.dir, location.path);
    if (!verdict.trusted) {
      await closeServer(server);
      throw new StsTrayError('file-unsafe', `not serving credentials: ${verdict.why}`);
    }
  }
  return {
    path: location.path,
    close: async () => {
      await closeServer(server);
      if (location.dir !== null) removeIfSocket(location.path);
    },
  };
}

function handle(socket: Socket, deps: CredentialServerDeps, prompted: Set<string>): void {
  let received = '';
  let answered = false;
  socket.setEncoding('utf8');
  socket.setTimeout(IDLE_MS, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk: string) => {
    if (answered) return;
    received += chunk;
    if (received.length > MAX_LINE_BYTES) return socket.destroy();
    const end = received.indexOf('\n');
    if (end < 0) return;
    answered = true;
    void answer(received.slice(0, end), deps, prompted).then((reply) => {
      if (!socket.destroyed) socket.end(`${JSON.stringify(reply)}\n`);
    });
  });
}

async function answer(line: string, deps: CredentialServerDeps, prompted: Set<string>): Promise<SessionReply> {
  const request = parseRequest(line);
  if (!request) return { ok: false, code: 'usage', message: 'not an sts-tray credential request' };
  try {
    const session = await deps.sessions.roleSession(request.role, { fresh: request.fresh });
    prompted.delete(session.identity.name);
    const { credentials } = session;
    return {
      ok: true,
      session: {
        accessKeyId: credentials.accessKeyId,
        secretAccessKey: credentials.secretAccessKey,
        sessionToken: credentials.sessionToken,
        expiresAt: localExpiry(credentials),
        region: session.region,
      },
    };
  } catch (error) {
    const code = error instanceof StsTrayError ? error.code : 'failed';
    if (code === 'needs-mfa') {
      const config = await Promise.resolve(deps.config()).catch(() => null);
      const identity = config?.roles.find((r) => r.name === request.role)?.identity ?? null;
      const key = identity ?? `role:${request.role}`;
      if (!prompted.has(key)) {
        prompted.add(key);
        deps.onNeedsMfa?.(identity, request.role);
      }
    }
    return { ok: false, code, message: describeError(error) };
  }
}

/** The folder: created 0700, or an existing one of ours tightened; anyone else's refused. */
async function prepareFolder(dir: string, path: string): Promise<void> {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stats = lstatSync(dir);
  const uid = process.getuid?.() ?? -1;
  if (!stats.isDirectory()) throw new StsTrayError('file-unsafe', `not serving credentials: ${dir} is not a folder`);
  if (stats.uid !== uid) {
    throw new StsTrayError('file-unsafe', `not serving credentials: ${dir} belongs to uid ${stats.uid}, not to you; remove it`);
  }
  if ((stats.mode & 0o077) !== 0) chmodSync(dir, 0o700);
  let existing;
  try {
    existing = lstatSync(path);
  } catch {
    return;
  }
  if (!existing.isSocket()) {
    throw new StsTrayError('file-unsafe', `not serving credentials: ${path} exists and is not a socket; remove it`);
  }
  if (await answers(path)) {
    throw new StsTrayError('conflict', `not serving credentials: another sts-tray already serves them at ${path}`);
  }
  // Left by an app that crashed: nobody listens on it.
  unlinkSync(path);
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect(path);
    const done = (live: boolean) => {
      probe.destroy();
      resolve(live);
    };
    probe.once('connect', () => done(true));
    probe.once('error', () => done(false));
    probe.setTimeout(500, () => done(false));
  });
}

function removeIfSocket(path: string): void {
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
