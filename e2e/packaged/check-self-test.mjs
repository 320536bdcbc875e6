// Starts a packaged build (electron-builder --dir) with STS_TRAY_SELF_TEST and checks the
// report it writes (electron/app/self-test-report.ts). Run by .github/workflows/desktops.yml:
//   node e2e/packaged/check-self-test.mjs <path to the packaged executable>
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const executable = process.argv[2];
if (!executable) {
  console.error('usage: node e2e/packaged/check-self-test.mjs <packaged executable>');
  process.exit(2);
}
const home = mkdtempSync(join(tmpdir(), 'sts-tray-packaged-'));
const report = join(home, 'self-test.json');
const args = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];
const run = spawnSync(executable, args, {
  env: {
    ...process.env,
    HOME: home,
    STS_TRAY_HOME: join(home, 'app'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'aws', 'credentials'),
    AWS_CONFIG_FILE: join(home, 'aws', 'config'),
    STS_TRAY_KEYCHAIN_SERVICE: 'sts-tray-test-packaged',
    STS_TRAY_SELF_TEST: report,
  },
  timeout: 90_000,
  stdio: 'inherit',
});
let parsed;
try {
  parsed = JSON.parse(readFileSync(report, 'utf8'));
} catch {
  console.error(`the packaged app wrote no self-test report (exit ${run.status}, signal ${run.signal})`);
  process.exit(1);
}
console.log(JSON.stringify(parsed, null, 2));
if (!parsed.passed) {
  console.error(`self-test failed: ${parsed.failures.join(', ')}`);
  process.exit(1);
}
