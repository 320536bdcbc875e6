// Where AWS tools look for the shared credentials and config files: the environment
// variables when set (with a leading ~ expanded, as the AWS CLI and SDKs do), else ~/.aws.

import { isAbsolute, join, resolve } from 'node:path';
import type { AwsFilePaths } from '../core/credentials-file/aws-profile-store.js';

function expandHome(path: string, homeDir: string): string {
  if (path === '~') return homeDir;
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(homeDir, path.slice(2));
  return path;
}

function fromEnv(value: string | undefined, homeDir: string, fallback: string): string {
  // An empty variable counts as unset, as in the JS SDK.
  if (value === undefined || value === '') return fallback;
  const expanded = expandHome(value, homeDir);
  return isAbsolute(expanded) ? expanded : resolve(expanded);
}

export function awsFilePaths(env: NodeJS.ProcessEnv, homeDir: string): AwsFilePaths {
  return {
    credentials: fromEnv(env.AWS_SHARED_CREDENTIALS_FILE, homeDir, join(homeDir, '.aws', 'credentials')),
    config: fromEnv(env.AWS_CONFIG_FILE, homeDir, join(homeDir, '.aws', 'config')),
  };
}
