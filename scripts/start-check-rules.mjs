// Why `npm start` would crash on this machine, decided from facts start-check.mjs gathers.
// Ubuntu 24.04 and later set kernel.apparmor_restrict_unprivileged_userns = 1: Chromium's
// namespace sandbox is then refused unless an AppArmor profile allows the binary, and its
// fallback, the SUID helper chrome-sandbox, works only when owned by root with mode 4755.
// The Electron under node_modules has neither, so it aborts at start with a sandbox error.

/**
 * @param {{ platform: string, restrictUserns: string | null, sandbox: { uid: number, mode: number } | null,
 *           profileAllowsElectron: boolean, electronDir: string }} facts
 * @returns {string | null} what to do, or null when Electron can start
 */
export function sandboxProblem(facts) {
  if (facts.platform !== 'linux' || facts.restrictUserns?.trim() !== '1') return null;
  if (facts.profileAllowsElectron) return null;
  const helper = `${facts.electronDir}/chrome-sandbox`;
  if (facts.sandbox && facts.sandbox.uid === 0 && (facts.sandbox.mode & 0o4755) === 0o4755) return null;
  return [
    'npm start: this system restricts unprivileged user namespaces (kernel.apparmor_restrict_unprivileged_userns = 1,',
    "as Ubuntu 24.04 and later do), so the Electron under node_modules would crash at start with a sandbox error.",
    'Do one of these, then run npm start again:',
    ...(facts.sandbox ? [] : ['  0. fetch Electron first: npx install-electron']),
    `  1. let its sandbox helper run as root: sudo chown root:root ${helper} && sudo chmod 4755 ${helper}`,
    `  2. or add an AppArmor profile allowing userns for ${facts.electronDir}/electron (README, "Ubuntu 24.04 and npm start")`,
    '  3. or install the deb (npm run package), which brings its own AppArmor profile.',
    'Do not run it with --no-sandbox: the window relies on the renderer sandbox.',
  ].join('\n');
}

/**
 * What to say when Electron's binary is missing and its download failed: the reason, what
 * to do, and what works without it.
 * @param {string} reason the download's own error, first line
 * @returns {string}
 */
export function missingBinaryMessage(reason) {
  return [
    `npm start: Electron's binary is not installed, and downloading it failed: ${reason}`,
    'The tray app needs it. On a machine that reaches the internet, run `npx install-electron`, then npm start again',
    '(behind a proxy or mirror, set ELECTRON_MIRROR or HTTPS_PROXY first).',
    'Without it, the CLI (`npx sts-tray …`) and `npm test` work: they do not need Electron.',
  ].join('\n');
}
