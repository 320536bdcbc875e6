import { describe, expect, it } from 'vitest';
import { StsTrayError } from './errors.js';
import { renderExport, type ExportInput } from './export-format.js';
import { rfc3339 } from './time.js';

const input: ExportInput = {
  accessKeyId: 'ASIAFAKEFAKEFAKE0001',
  secretAccessKey: "fake/secret+with'quote",
  sessionToken: 'fake-token==',
  expiresAt: Date.UTC(2026, 10, 22, 13, 5, 0),
  region: 'ap-northeast-1',
};

describe('renderExport', () => {
  it('bash quotes single quotes and includes region and expiration', () => {
    const text = renderExport('bash', input);
    expect(text).toContain(`export AWS_SECRET_ACCESS_KEY='fake/secret+with'\\''quote'\n`);
    expect(text).toContain(`export AWS_CREDENTIAL_EXPIRATION='2026-11-22T13:05:00Z'\n`);
    expect(text).toContain(`export AWS_REGION='ap-northeast-1'\n`);
    expect(text.trimEnd().split('\n')).toHaveLength(6);
  });

  it.each([
    ['fish', `set -gx AWS_SECRET_ACCESS_KEY 'fake/secret+with\\'quote';\n`],
    ['pwsh', `$Env:AWS_SECRET_ACCESS_KEY = 'fake/secret+with''quote'\r\n`],
    ['dotenv', `AWS_SECRET_ACCESS_KEY="fake/secret+with'quote"\n`],
  ] as const)('%s quotes for its shell', (format, line) => {
    expect(renderExport(format, input)).toContain(line);
  });

  it('cmd writes set "NAME=value" and refuses characters cmd would expand', () => {
    const plain = { ...input, secretAccessKey: 'fake/secret+plain=' };
    expect(renderExport('cmd', plain)).toContain('set "AWS_SECRET_ACCESS_KEY=fake/secret+plain="\r\n');
    expect(() => renderExport('cmd', { ...input, secretAccessKey: 'a%PATH%b' })).toThrow(StsTrayError);
  });

  it('json is credential_process Version 1', () => {
    expect(JSON.parse(renderExport('json', input))).toEqual({
      Version: 1,
      AccessKeyId: input.accessKeyId,
      SecretAccessKey: input.secretAccessKey,
      SessionToken: input.sessionToken,
      Expiration: '2026-11-22T13:05:00Z',
    });
  });

  it('leaves region out when the role has none', () => {
    expect(renderExport('bash', { ...input, region: undefined })).not.toContain('AWS_REGION');
  });

  it('refuses a value with a line break', () => {
    expect(() => renderExport('bash', { ...input, sessionToken: 'a\nb' })).toThrow(/line break/);
  });

  it('formats RFC 3339 without milliseconds', () => {
    expect(rfc3339(Date.UTC(2026, 0, 2, 3, 4, 5, 678))).toBe('2026-01-02T03:04:05Z');
  });
});
