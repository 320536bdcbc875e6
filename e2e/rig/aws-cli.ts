// Finds the real AWS CLI v2 from Debian's `awscli` package. Another `aws` earlier on PATH
// may be a v1 from a Python install, so tests never trust PATH for it.

import { execFileSync } from 'node:child_process';

/**
 * What every run of the AWS CLI in tests sets: no pager (output goes to a pipe), and no
 * instance-metadata lookup (it would wait on 169.254.169.254 for credentials we never give).
 */
export const QUIET_AWS_CLI_ENV = { AWS_PAGER: '', AWS_EC2_METADATA_DISABLED: 'true' } as const;

let cached: string | undefined;

export function debianAwsCli(): string {
  if (cached) return cached;
  let listing: string;
  try {
    listing = execFileSync('dpkg', ['-L', 'awscli'], { encoding: 'utf8' });
  } catch {
    throw new Error("Debian's awscli package is not installed: run `apt-get install awscli` (see README prerequisites)");
  }
  const path = listing.split('\n').find((line) => /\/bin\/aws$/.test(line));
  if (!path) throw new Error("Debian's awscli package has no bin/aws");
  const version = execFileSync(path, ['--version'], { encoding: 'utf8' });
  if (!version.startsWith('aws-cli/2.')) throw new Error(`${path} is not AWS CLI v2: ${version.trim()}`);
  cached = path;
  return path;
}
