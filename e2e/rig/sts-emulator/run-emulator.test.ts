// The standalone entry as a benchmark would use it: a child process that prints its URL,
// serves real SDK calls, and stops cleanly on SIGTERM; a bad config is refused by name.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { GetCallerIdentityCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, describe, expect, it } from 'vitest';

import { base32Encode } from './base32.js';
import { DEV, DEV_ARN, MFA_SERIAL } from './fixtures.js';
import { generateTotp } from './totp.js';

const entry = fileURLToPath(new URL('./run-emulator.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sts-emulator-'));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(config: unknown) {
  const path = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(config));
  const child = spawn(process.execPath, ['--import', 'tsx', entry, path], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const firstLine = new Promise<string | undefined>((resolve) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve(line));
    lines.once('close', () => resolve(undefined));
  });
  return { child, exited, firstLine, stderr: () => stderr };
}

const secret = DEV.mfa?.secret ?? new Uint8Array();

describe('run-emulator', () => {
  it('prints its URL as one JSON line, serves the SDK, and exits 0 on SIGTERM', async () => {
    const { child, exited, firstLine } = run({
      users: [{ ...DEV, mfa: { serial: MFA_SERIAL, secretBase32: base32Encode(secret) } }],
      roles: [],
      issuedLifetimeSeconds: { mfaSession: 30 },
    });
    const { url } = JSON.parse((await firstLine) ?? 'null') as { url: string };
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new STSClient({ endpoint: url, region: 'ap-northeast-1', credentials: { accessKeyId: DEV.accessKeyId, secretAccessKey: DEV.secretAccessKey } });
    await expect(client.send(new GetCallerIdentityCommand({}))).resolves.toMatchObject({ Arn: DEV_ARN });
    const mfa = await client.send(new GetSessionTokenCommand({ SerialNumber: MFA_SERIAL, TokenCode: generateTotp(secret, Date.now()) }));
    expect(mfa.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    // The JSON config's test-mode cap applies: asked for the default 12 h, issued for 30 s.
    expect((mfa.Credentials?.Expiration?.getTime() ?? 0) - Date.now()).toBeLessThanOrEqual(30_000);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a config with a bad field, naming it, and exits 1', async () => {
    const { exited, firstLine, stderr } = run({ users: [{ userName: 'dev' }], roles: [] });
    expect(await firstLine).toBeUndefined();
    expect(await exited).toBe(1);
    expect(stderr()).toContain('accountId');
    expect(stderr()).not.toMatch(/\n\s+at /); // no stack trace
  });
});
