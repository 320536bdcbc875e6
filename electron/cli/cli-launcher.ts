// The command an AWS tool runs for a credential_process profile: this Node binary and this
// CLI file, as absolute real paths. Both are known to work (they are running now), and
// neither depends on the PATH of whatever tool starts them, nor on `npx`.

import { realpathSync } from 'node:fs';

export function cliLauncher(): string[] {
  const script = process.argv[1];
  if (script === undefined) return ['sts-tray'];
  return [process.execPath, realpathSync(script)];
}
