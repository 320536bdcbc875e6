import { describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS } from '../contract/channels.js';
import { StsTrayError } from '../core/errors.js';
import { MAX_PAYLOAD_CHARS, dispatchRequest } from './ipc-dispatch.js';
import { RequestError } from './request-error.js';
import type { RequestHandlers } from './shell-ports.js';

/** Handlers that record their calls and answer `{}` (or what a test sets). */
function recordingHandlers(answer: (channel: string) => unknown = () => ({})) {
  const calls: Array<{ channel: string; request: unknown }> = [];
  const handlers = Object.fromEntries(
    REQUEST_CHANNELS.map((channel) => [
      channel,
      vi.fn(async (request: unknown) => {
        calls.push({ channel, request });
        return answer(channel);
      }),
    ]),
  ) as unknown as RequestHandlers;
  return { handlers, calls };
}

const ROLE = { name: 'tes', identity: 'dev', roleArn: 'arn:aws:iam::222222222222:role/tes-deployer' };

describe('dispatchRequest', () => {
  it('passes a valid request, with defaults applied, and wraps the answer', async () => {
    const { handlers, calls } = recordingHandlers((channel) => (channel === 'session:sign-out' ? { removed: ['tes'] } : {}));
    expect(await dispatchRequest(handlers, 'session:sign-out', { role: 'tes' })).toEqual({ ok: true, value: { removed: ['tes'] } });
    expect(calls).toEqual([{ channel: 'session:sign-out', request: { role: 'tes' } }]);
  });

  it.each([
    ['an unknown channel', 'fs:read', {}],
    ['a channel name that is not a string', 42, {}],
    ['an inherited property as channel', 'toString', {}],
    ['a wrong type', 'session:activate', { role: 7 }],
    ['a missing field', 'session:activate', {}],
    ['an unknown key', 'session:activate', { role: 'tes', extra: true }],
    ['a __proto__ key', 'session:activate', JSON.parse('{"role":"tes","__proto__":{"polluted":true}}')],
    ['an array instead of an object', 'state:get', []],
    ['null', 'state:get', null],
    ['an oversized string', 'mfa:submit', { identity: 'dev', code: 'x'.repeat(10_000) }],
    ['an oversized payload', 'state:get', { pad: 'x'.repeat(MAX_PAYLOAD_CHARS) }],
    ['a payload that is not plain data', 'state:get', { n: 10n }],
    ['an unknown export format', 'exports:copy', { format: 'powershell-core' }],
  ])('rejects %s with bad-request, without calling a handler or throwing', async (_what, channel, payload) => {
    const { handlers, calls } = recordingHandlers();
    const result = await dispatchRequest(handlers, channel, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("turns a failed field check into the core's sentence at that field", async () => {
    const { handlers } = recordingHandlers();
    const result = await dispatchRequest(handlers, 'role:save', { role: { ...ROLE, roleArn: 'arn:aws:iam::1:role/x' } });
    expect(result).toEqual({
      ok: false,
      error: { code: 'validation', message: 'a role ARN looks like arn:aws:iam::123456789012:role/name', field: 'role.roleArn' },
    });
  });

  it("never echoes a rejected secret in its message", async () => {
    const { handlers } = recordingHandlers();
    const secret = `fake-secret-${'s'.repeat(300)}`;
    const result = await dispatchRequest(handlers, 'identity:add', {
      identity: { name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001' },
      secretAccessKey: secret,
    });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('sssssssss');
  });

  it('carries the code of a core error, and of a request error with its field', async () => {
    const { handlers } = recordingHandlers();
    vi.mocked(handlers['session:activate']).mockRejectedValueOnce(new StsTrayError('needs-mfa', 'enter the code'));
    expect(await dispatchRequest(handlers, 'session:activate', { role: 'tes' })).toEqual({
      ok: false,
      error: { code: 'needs-mfa', message: 'enter the code' },
    });
    vi.mocked(handlers['session:activate']).mockRejectedValueOnce(new RequestError('needs-confirmation', 'confirm prd', 'confirmed'));
    expect(await dispatchRequest(handlers, 'session:activate', { role: 'prd' })).toEqual({
      ok: false,
      error: { code: 'needs-confirmation', message: 'confirm prd', field: 'confirmed' },
    });
  });

  it('reports an unexpected failure as internal, and keeps going', async () => {
    const { handlers } = recordingHandlers();
    vi.mocked(handlers['session:renew']).mockRejectedValueOnce(new TypeError('boom'));
    expect(await dispatchRequest(handlers, 'session:renew', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await dispatchRequest(handlers, 'session:renew', {})).toEqual({ ok: true, value: {} });
  });

  it('refuses to send an answer its schema does not allow, such as one with a secret field', async () => {
    const { handlers } = recordingHandlers(() => ({ clearsAt: 1, secretAccessKey: 'fake-secret-leak-000000000000000' }));
    const result = await dispatchRequest(handlers, 'exports:copy', { format: 'bash' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('fake-secret-leak');
  });
});
