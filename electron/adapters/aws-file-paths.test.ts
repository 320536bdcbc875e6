import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsFilePaths } from './aws-file-paths.js';

const HOME = '/home/me';

describe('awsFilePaths', () => {
  it.each([
    ['nothing set: ~/.aws', {}, join(HOME, '.aws', 'credentials'), join(HOME, '.aws', 'config')],
    ['both set', { AWS_SHARED_CREDENTIALS_FILE: '/etc/aws/creds', AWS_CONFIG_FILE: '/etc/aws/conf' }, '/etc/aws/creds', '/etc/aws/conf'],
    ['a leading ~/ is expanded', { AWS_SHARED_CREDENTIALS_FILE: '~/work/credentials' }, join(HOME, 'work', 'credentials'), join(HOME, '.aws', 'config')],
    ['only the config set', { AWS_CONFIG_FILE: '~/work/config' }, join(HOME, '.aws', 'credentials'), join(HOME, 'work', 'config')],
    ['empty counts as unset', { AWS_SHARED_CREDENTIALS_FILE: '', AWS_CONFIG_FILE: '' }, join(HOME, '.aws', 'credentials'), join(HOME, '.aws', 'config')],
    ['a relative path is made absolute', { AWS_SHARED_CREDENTIALS_FILE: 'creds' }, resolve('creds'), join(HOME, '.aws', 'config')],
    ['~user is not ours to expand', { AWS_CONFIG_FILE: '/x/~/config' }, join(HOME, '.aws', 'credentials'), '/x/~/config'],
  ])('%s', (_name, env, credentials, config) => {
    expect(awsFilePaths(env, HOME)).toEqual({ credentials, config });
  });
});
