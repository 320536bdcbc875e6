// The run marker as a small file in the app's data folder (beside the config): present while
// the tray app runs. It holds the process id and start time for whoever looks at it; only
// its existence counts.

import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { RunMarker } from '../core/ports.js';

export function fileRunMarker(path: string, pid = process.pid, now: () => number = Date.now): RunMarker {
  return {
    exists: async () => {
      try {
        await stat(path);
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
    write: async () => {
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeFile(path, `${JSON.stringify({ pid, startedAt: new Date(now()).toISOString() })}\n`, { mode: 0o600 });
    },
    remove: () => rm(path, { force: true }),
  };
}
