// Builds the `sts-tray` executable: the CLI bundled into one CommonJS file (fewer files to
// resolve and compile at start), a small launcher, and V8's code cache for the bundle.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

const out = 'dist/cli';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  minify: true,
  logLevel: 'warning',
  define: { __STS_TRAY_VERSION__: JSON.stringify(version) },
};

// keytar stays outside (a native module); its import() becomes a require(), since code run
// from V8's cache by the launcher has no ES module loader behind it.
await build({
  ...common,
  entryPoints: ['electron/cli/main.ts'],
  outfile: `${out}/sts-tray-bundle.cjs`,
  external: ['keytar'],
  supported: { 'dynamic-import': false },
});
await build({ ...common, entryPoints: ['electron/cli/code-cache-launcher.ts'], outfile: `${out}/sts-tray.cjs` });

// Warm the cache with a command that loads everything but touches nothing of the user's:
// an empty home, so no config, credentials file or keychain item is read.
const home = mkdtempSync(join(tmpdir(), 'sts-tray-build-'));
try {
  execFileSync(process.execPath, [`${out}/sts-tray.cjs`, 'status'], {
    env: {
      PATH: process.env.PATH,
      HOME: home,
      STS_TRAY_HOME: join(home, 'app'),
      AWS_SHARED_CREDENTIALS_FILE: join(home, 'credentials'),
      AWS_CONFIG_FILE: join(home, 'config'),
      STS_TRAY_WRITE_CODE_CACHE: `${out}/sts-tray-bundle.cjs.code-cache`,
    },
    stdio: 'ignore',
  });
} finally {
  rmSync(home, { recursive: true, force: true });
}
