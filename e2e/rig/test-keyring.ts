// Keychain suites run only inside the private keyring `npm test` starts
// (e2e/rig/with-test-keyring.sh): never against the user's own keychain.

export function requireTestKeyring(): void {
  if (process.platform === 'linux' && !process.env.STS_TRAY_TEST_KEYRING) {
    throw new Error('run this suite through `npm test`, which starts a private keyring');
  }
}
