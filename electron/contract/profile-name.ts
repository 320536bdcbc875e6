// Which names may become a section in ~/.aws/credentials and ~/.aws/config.
// Narrower than what AWS tools accept, so a name never needs quoting anywhere.

const PROFILE_NAME = /^[A-Za-z0-9_.@+%:/-]{1,64}$/;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

export function checkProfileName(name: string): string | null {
  if (RESERVED.has(name)) return `"${name}" is reserved and cannot be a profile name`;
  if (!PROFILE_NAME.test(name)) {
    return 'a profile name is 1 to 64 characters of letters, digits and _ . @ + % : / - (no spaces or brackets)';
  }
  return null;
}
