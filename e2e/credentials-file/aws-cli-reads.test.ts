// The real readers read what we wrote: Debian's AWS CLI v2 (botocore) and the AWS SDK for
// JavaScript, pointed at temp files through AWS_SHARED_CREDENTIALS_FILE / AWS_CONFIG_FILE.

import { execFileSync } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STSClient } from '@aws-sdk/client-sts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { awsFilePaths } from '../../electron/adapters/aws-file-paths.js';
import { NodeFileStore } from '../../electron/adapters/node-file-store.js';
import { type AwsFilePaths, AwsProfileStore, type ProfileWrite } from '../../electron/core/credentials-file/aws-profile-store.js';
import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../rig/aws-cli.js';

const FOREIGN_CREDENTIALS = [
  '# personal keys — keep',
  '[default]',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  'aws_secret_access_key = fake-secret-default',
  '',
  '; legacy account',
  '[legacy]',
  '  AWS_ACCESS_KEY_ID: AKIAI44QH8DHBEXAMPLE',
  '  aws_secret_access_key=fake-secret-legacy',
  '',
  '[DEFAULT]',
  'output = json',
  '',
  '[prd-repository]',
  'aws_access_key_id = AKIAJJJJJJJJJEXAMPLE',
  'aws_secret_access_key = fake-secret-prd',
  's3 =',
  '    max_concurrent_requests = 20',
].join('\n');

const FOREIGN_CONFIG = ['[default]', 'region = us-east-1', '', '[sso-session corp]', 'sso_start_url = https://corp.awsapps.com/start', 'sso_region = ap-northeast-1', '', '[profile sso-dev]', 'sso_session = corp', 'sso_account_id = 111111111111', 'sso_role_name = dev', ''].join('\n');

function credentialsFor(profile: string, token = `fake-token-${profile}-FQoGZXIvYXdzEXAMPLE`): ProfileWrite {
  return {
    profile,
    accessKeyId: `ASIA${profile.toUpperCase().padEnd(16, 'X')}`,
    secretAccessKey: `fake-secret-${profile}`,
    sessionToken: token,
    expiresAt: Date.UTC(2026, 10, 22, 13, 5),
    region: 'ap-northeast-1',
    source: `role ${profile}`,
  };
}

let home: string;
let env: NodeJS.ProcessEnv;
let paths: AwsFilePaths;

beforeEach(async () => {
  home = await fsp.mkdtemp(join(tmpdir(), 'sts-tray-cli-'));
  // Not ~/.aws: the variables must be honoured by us and by the readers alike.
  env = { PATH: process.env.PATH, HOME: home, AWS_SHARED_CREDENTIALS_FILE: '~/work/credentials', AWS_CONFIG_FILE: '~/work/config', ...QUIET_AWS_CLI_ENV };
  paths = awsFilePaths(env, home);
});

afterEach(async () => {
  await fsp.rm(home, { recursive: true, force: true });
});

function aws(...args: string[]): string {
  return execFileSync(debianAwsCli(), args, { env, encoding: 'utf8' }).trim();
}

/** The JS SDK's own credential chain for a profile, reading the same files. */
async function sdkCredentials(profile: string) {
  const saved = { ...process.env };
  try {
    for (const key of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE']) delete process.env[key];
    Object.assign(process.env, { HOME: home, AWS_SHARED_CREDENTIALS_FILE: paths.credentials, AWS_CONFIG_FILE: paths.config });
    const client = new STSClient({ profile });
    const credentials = await client.config.credentials();
    const region = await client.config.region();
    return { ...credentials, region };
  } finally {
    process.env = saved;
  }
}

async function seed(credentials: string, config: string) {
  await fsp.mkdir(join(home, 'work'), { recursive: true });
  await fsp.writeFile(paths.credentials, credentials);
  await fsp.writeFile(paths.config, config);
}

describe('the AWS CLI and the JS SDK read what sts-tray wrote', () => {
  it('keys, region and every foreign profile (LF file)', async () => {
    await seed(FOREIGN_CREDENTIALS, FOREIGN_CONFIG);
    const store = new AwsProfileStore(new NodeFileStore(), paths);
    await store.write([credentialsFor('tes'), credentialsFor('stg')]);

    expect(aws('configure', 'get', 'aws_access_key_id', '--profile', 'tes')).toBe(credentialsFor('tes').accessKeyId);
    expect(aws('configure', 'get', 'region', '--profile', 'tes')).toBe('ap-northeast-1');
    expect(aws('configure', 'list-profiles').split('\n').sort()).toEqual(['default', 'legacy', 'prd-repository', 'sso-dev', 'stg', 'tes']);
    const exported = JSON.parse(aws('configure', 'export-credentials', '--profile', 'stg', '--format', 'process')) as Record<string, unknown>;
    expect(exported).toMatchObject({ AccessKeyId: credentialsFor('stg').accessKeyId, SecretAccessKey: 'fake-secret-stg', SessionToken: credentialsFor('stg').sessionToken });
    // The foreign profile written with ':' and odd indentation still reads as before.
    expect(aws('configure', 'get', 'aws_secret_access_key', '--profile', 'legacy')).toBe('fake-secret-legacy');

    expect(await sdkCredentials('tes')).toMatchObject({
      accessKeyId: credentialsFor('tes').accessKeyId,
      secretAccessKey: 'fake-secret-tes',
      sessionToken: credentialsFor('tes').sessionToken,
      region: 'ap-northeast-1',
    });
  });

  it('a CRLF file without a final newline, and an 8 KB session token', async () => {
    const crlf = FOREIGN_CREDENTIALS.replaceAll('\n', '\r\n');
    await seed(crlf, FOREIGN_CONFIG.replaceAll('\n', '\r\n'));
    const token = `fake-token-${'A1b2C3d4/+'.repeat(820)}`;
    expect(token.length).toBeGreaterThan(8192);
    await new AwsProfileStore(new NodeFileStore(), paths).write([credentialsFor('tes', token)]);

    const text = await fsp.readFile(paths.credentials, 'utf8');
    expect(text.startsWith(`${crlf}\r\n\r\n[tes]\r\n`)).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(aws('configure', 'get', 'aws_session_token', '--profile', 'tes')).toBe(token);
    expect(aws('configure', 'get', 'aws_secret_access_key', '--profile', 'prd-repository')).toBe('fake-secret-prd');
    expect((await sdkCredentials('tes')).sessionToken).toBe(token);
  });

  it('after removal the readers see exactly the foreign profiles, and the files are byte-identical', async () => {
    await seed(FOREIGN_CREDENTIALS, FOREIGN_CONFIG);
    const store = new AwsProfileStore(new NodeFileStore(), paths);
    await store.write([credentialsFor('tes')]);
    await store.remove(['tes']);
    expect(await fsp.readFile(paths.credentials, 'utf8')).toBe(FOREIGN_CREDENTIALS);
    expect(await fsp.readFile(paths.config, 'utf8')).toBe(FOREIGN_CONFIG);
    expect(aws('configure', 'list-profiles').split('\n').sort()).toEqual(['default', 'legacy', 'prd-repository', 'sso-dev']);
  });
});
