// Runs before `electron .` in npm start: says what to do, instead of letting Electron crash,
// where the machine's sandbox rules would stop it (start-check-rules.mjs).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { missingBinaryMessage, sandboxProblem } from './start-check-rules.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const electronDir = join(root, 'node_modules', 'electron', 'dist');

// Electron 45 fetches its binary the first time `electron` runs; fetch it here instead, so a
// failed download ends in one clear paragraph rather than a stack from inside the launcher.
const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
const binaryPresent = () => existsSync(pathFile) && existsSync(join(electronDir, readFileSync(pathFile, 'utf8').trim()));
if (!binaryPresent()) {
  console.error("npm start: fetching Electron's binary (once) …");
  const fetched = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { encoding: 'utf8' });
  if (fetched.status !== 0 || !binaryPresent()) {
    const output = `${fetched.stderr ?? ''}\n${fetched.stdout ?? ''}`;
    const reason = output.split('\n').map((line) => line.trim()).find((line) => /error|fail/i.test(line)) ?? 'no binary after the download';
    console.error(missingBinaryMessage(reason));
    process.exit(1);
  }
}

const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};
const sandbox = (() => {
  try {
    const { uid, mode } = statSync(join(electronDir, 'chrome-sandbox'));
    return { uid, mode };
  } catch {
    return null;
  }
})();
const profileAllowsElectron = (() => {
  try {
    return readdirSync('/etc/apparmor.d').some((name) => {
      const text = read(join('/etc/apparmor.d', name)) ?? '';
      return text.includes(join(electronDir, 'electron')) && /\buserns\b/.test(text);
    });
  } catch {
    return false;
  }
})();

const problem = sandboxProblem({
  platform: process.platform,
  restrictUserns: read('/proc/sys/kernel/apparmor_restrict_unprivileged_userns'),
  sandbox,
  profileAllowsElectron,
  electronDir,
});
if (problem) {
  console.error(problem);
  process.exit(1);
}
