// Where the running tray (or `sts-tray watch`) answers credential requests, and where the
// `credential-process` command looks for it. Each app folder gets its own socket, so a
// command run with another STS_TRAY_HOME never asks an app that holds other roles.
// Kept free of anything heavy: the command's fast path loads this before anything else.

import { createHash } from 'node:crypto';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface SocketLocation {
  /** The folder that must be ours and 0700 (none for a Windows named pipe). */
  readonly dir: string | null;
  /** The socket file, or the named pipe's name on Windows. */
  readonly path: string;
}

const SOCKET_NAME = 'credentials.sock';

export function credentialSocketLocation(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
  uid: number = process.getuid?.() ?? -1,
): SocketLocation {
  if (platform === 'win32') {
    // Named pipes live in one machine-wide namespace: the user name and the app folder make
    // the name unique; the pipe itself is created without access for other users.
    const scope = createHash('sha256').update(env.STS_TRAY_HOME ?? '').digest('hex').slice(0, 12);
    return { dir: null, path: `\\\\.\\pipe\\sts-tray-${userInfo().username}-${scope}` };
  }
  // A Unix socket path must stay under ~104 bytes, so it never sits deep in the app folder.
  if (env.STS_TRAY_HOME) {
    const scope = createHash('sha256').update(env.STS_TRAY_HOME).digest('hex').slice(0, 12);
    const dir = env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, `sts-tray-${scope}`) : join(tmpdir(), `sts-tray-${uid}-${scope}`);
    return { dir, path: join(dir, SOCKET_NAME) };
  }
  const dir = env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'sts-tray') : join(tmpdir(), `sts-tray-${uid}`);
  return { dir, path: join(dir, SOCKET_NAME) };
}
