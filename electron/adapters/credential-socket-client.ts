// Asks the running tray (or `sts-tray watch`) for a role's live session over its socket.
// Anything short of a trusted socket answering in time is "unavailable", with the reason,
// so the caller falls back to doing the work itself: a socket left by a crashed app
// (refused), one owned by someone else or too open (untrusted, never connected to), a
// path that is a regular file, or a server that hangs (timeout).

import { connect } from 'node:net';
import type { SocketLocation } from './credential-socket-path.js';
import { MAX_LINE_BYTES, parseReply, type SessionReply, type SessionRequest } from './credential-socket-protocol.js';
import { checkSocketTrust } from './socket-trust.js';

export type SocketAnswer =
  | SessionReply
  | { readonly ok: 'unavailable'; readonly why: string; /** True when a socket was there but not trusted or not sane. */ readonly suspicious: boolean };

/** Long enough for a server that has to call STS, short enough that a hung one costs little. */
export const DEFAULT_SOCKET_TIMEOUT_MS = 1_000;

export function askCredentialSocket(
  location: SocketLocation,
  request: SessionRequest,
  timeoutMs: number = DEFAULT_SOCKET_TIMEOUT_MS,
): Promise<SocketAnswer> {
  if (location.dir !== null) {
    const verdict = checkSocketTrust(location.dir, location.path);
    if (!verdict.trusted) return Promise.resolve({ ok: 'unavailable', why: verdict.why, suspicious: !verdict.missing });
  }
  return new Promise((resolve) => {
    let settled = false;
    let received = '';
    const socket = connect(location.path);
    const finish = (answer: SocketAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(
      () => finish({ ok: 'unavailable', why: `the sts-tray app did not answer within ${timeoutMs} ms`, suspicious: true }),
      timeoutMs,
    );
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.length > MAX_LINE_BYTES) finish({ ok: 'unavailable', why: 'the socket sent an oversized reply', suspicious: true });
      const end = received.indexOf('\n');
      if (end < 0) return;
      const reply = parseReply(received.slice(0, end));
      finish(reply ?? { ok: 'unavailable', why: 'the socket sent a reply that is not sts-tray\'s', suspicious: true });
    });
    socket.on('end', () => finish({ ok: 'unavailable', why: 'the sts-tray app closed the connection without an answer', suspicious: true }));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // ECONNREFUSED / ENOENT: nobody listens (no app, or one that crashed): not suspicious.
      const stale = error.code === 'ECONNREFUSED' || error.code === 'ENOENT';
      finish({ ok: 'unavailable', why: stale ? 'no sts-tray app is running' : `socket error ${error.code ?? error.message}`, suspicious: !stale });
    });
  });
}
