// Whether a socket may be trusted with credentials. Node cannot read the peer's uid
// (SO_PEERCRED), so the guard is the file system: the folder is ours and 0700, the socket
// is ours and 0600. Another user can then neither connect to our socket nor put one of
// theirs where we look. Both the server (before serving) and the client (before asking)
// apply this check.

import { lstatSync, type Stats } from 'node:fs';

export type TrustVerdict = { readonly trusted: true } | { readonly trusted: false; readonly why: string; readonly missing: boolean };

function ownedPrivate(stats: Stats, uid: number): string | null {
  if (stats.uid !== uid) return `is owned by uid ${stats.uid}, not by you (uid ${uid})`;
  if ((stats.mode & 0o077) !== 0) return `has mode ${(stats.mode & 0o777).toString(8)}; it must be accessible to you only`;
  return null;
}

/** Why `path` is not a private `kind` of ours, or null when it is. */
function entryProblem(path: string, kind: 'folder' | 'socket', uid: number): TrustVerdict | null {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch {
    return { trusted: false, why: `${path} does not exist`, missing: true };
  }
  if (kind === 'folder' ? !stats.isDirectory() : !stats.isSocket()) return { trusted: false, why: `${path} is not a ${kind}`, missing: false };
  const problem = ownedPrivate(stats, uid);
  return problem ? { trusted: false, why: `${path} ${problem}`, missing: false } : null;
}

export function checkSocketTrust(dir: string, path: string, uid: number = process.getuid?.() ?? -1): TrustVerdict {
  return entryProblem(dir, 'folder', uid) ?? entryProblem(path, 'socket', uid) ?? { trusted: true };
}
