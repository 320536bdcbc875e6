// Runs before `electron .` in npm start: says what to do, instead of letting Electron crash,
// where the machine's sandbox rules would stop it (start-check-rules.mjs).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandboxProblem } from './start-check-rules.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const electronDir = join(root, 'node_modules', 'electron', 'dist');

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
