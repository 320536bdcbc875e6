import { describe, expect, it } from 'vitest';
import { checkConsoleUrl, consoleDestination, loginUrl, signinEndpointFor } from './console-url.js';
import { errorOf } from './testing/error-of.js';

describe('console URLs', () => {
  it.each([
    [undefined, 'aws', 'https://console.aws.amazon.com/console/home?region=ap-northeast-1'],
    ['s3', 'aws', 'https://console.aws.amazon.com/s3/?region=ap-northeast-1'],
    ['ec2', 'aws-cn', 'https://console.amazonaws.cn/ec2/?region=ap-northeast-1'],
    ['https://ap-northeast-1.console.aws.amazon.com/lambda/home#/functions', 'aws', 'https://ap-northeast-1.console.aws.amazon.com/lambda/home?region=ap-northeast-1#/functions'],
  ] as const)('destination %s in %s → %s', (given, partition, expected) => {
    expect(consoleDestination(given, 'ap-northeast-1', partition)).toBe(expected);
  });

  it.each(['http://console.aws.amazon.com/', 'https://console.aws.amazon.com.evil.example/', 'https://user:pw@console.aws.amazon.com/', 'S3 bucket', 'javascript:alert(1)'])(
    'refuses the destination %s',
    async (given) => {
      expect((await errorOf(Promise.resolve().then(() => consoleDestination(given, 'us-east-1', 'aws')))).message).toMatch(/service name like s3/);
    },
  );

  it('uses the partition sign-in endpoint unless one is configured', () => {
    expect(signinEndpointFor('aws-us-gov', undefined)).toBe('https://signin.amazonaws-us-gov.com/federation');
    expect(signinEndpointFor('aws', 'http://127.0.0.1:9/federation')).toBe('http://127.0.0.1:9/federation');
  });

  it('allows exactly the login URL of the endpoint in use', () => {
    const endpoint = 'https://signin.aws.amazon.com/federation';
    const url = loginUrl(endpoint, 'tok+/=', 'https://console.aws.amazon.com/s3/');
    expect(new URL(url).searchParams.get('SigninToken')).toBe('tok+/=');
    expect(checkConsoleUrl(url, endpoint)).toBeNull();
    expect(checkConsoleUrl(url, 'https://signin.amazonaws.cn/federation')).toMatch(/only the sign-in endpoint/);
    expect(checkConsoleUrl(url.replace('Action=login', 'Action=getSigninToken'), endpoint)).toMatch(/only the console login/);
    expect(checkConsoleUrl('https://signin.aws.amazon.com/other?Action=login', endpoint)).toMatch(/only the sign-in endpoint/);
    const loopback = 'http://127.0.0.1:4000/federation';
    expect(checkConsoleUrl(loginUrl(loopback, 't', 'https://console.aws.amazon.com/'), loopback)).toBeNull();
    expect(checkConsoleUrl(loginUrl('http://example.com/federation', 't', 'https://x/'), 'http://example.com/federation')).toMatch(/neither https nor loopback/);
  });
});
