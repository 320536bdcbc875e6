// The SigV4 verifier against AWS's published example and against requests signed by the
// SDK's own signer (@smithy/signature-v4), untouched and tampered with.

import { createHash } from 'node:crypto';

import { SignatureV4 } from '@smithy/signature-v4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NodeSha256 } from '../../../electron/adapters/node-sha256.js';
import { DEV, fixtureOptions } from './fixtures.js';
import {
  canonicalRequest,
  checkRequestTime,
  checkScope,
  parseSigV4,
  toAmzDate,
  uriEncode,
  verifySignature,
  type WireRequest,
} from './sigv4-verify.js';
import { StsError } from './sts-error.js';
import { startStsEmulator, type StsEmulator } from './sts-emulator.js';

const SECRET = 'fake-secret-signing-test';

function signer(region = 'ap-northeast-1'): SignatureV4 {
  return new SignatureV4({
    service: 'sts',
    region,
    sha256: NodeSha256,
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: SECRET, sessionToken: 'fake-token+/=' },
  });
}

interface Draft {
  readonly method?: string;
  readonly path?: string;
  readonly query?: Record<string, string>;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

/** Signs a request with the SDK's signer and returns it as it would arrive at the server. */
async function signed(draft: Draft, at = new Date()): Promise<WireRequest> {
  const query = draft.query ?? {};
  const body = draft.body ?? '';
  const request = await signer().sign(
    {
      method: draft.method ?? 'POST',
      protocol: 'http:',
      hostname: '127.0.0.1',
      port: 4566,
      path: draft.path ?? '/',
      query,
      headers: { host: '127.0.0.1:4566', 'content-type': 'application/x-www-form-urlencoded', ...draft.headers },
      body,
    },
    { signingDate: at },
  );
  return {
    method: request.method,
    path: request.path.split('/').map(uriEncode).join('/'),
    query: Object.entries(query)
      .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
      .join('&'),
    rawHeaders: Object.entries(request.headers).flat(),
    body: Buffer.from(body),
  };
}

function verifies(wire: WireRequest, secret = SECRET): boolean {
  try {
    verifySignature(wire, parseSigV4(wire), secret);
    return true;
  } catch (error) {
    if (error instanceof StsError && error.code === 'SignatureDoesNotMatch') return false;
    throw error;
  }
}

function errorOf(run: () => void): StsError {
  try {
    run();
  } catch (error) {
    if (error instanceof StsError) return error;
    throw error;
  }
  throw new Error('expected an StsError');
}

function withHeader(wire: WireRequest, name: string, value: string): WireRequest {
  const raw = [...wire.rawHeaders];
  const i = raw.findIndex((h, index) => index % 2 === 0 && h.toLowerCase() === name);
  if (i < 0) raw.push(name, value);
  else raw[i + 1] = value;
  return { ...wire, rawHeaders: raw };
}

describe('SigV4 verification', () => {
  it('reproduces the signature of AWS’s published IAM ListUsers example', () => {
    const wire: WireRequest = {
      method: 'GET',
      path: '/',
      query: 'Action=ListUsers&Version=2010-05-08',
      rawHeaders: [
        'Content-Type', 'application/x-www-form-urlencoded; charset=utf-8',
        'Host', 'iam.amazonaws.com',
        'X-Amz-Date', '20150830T123600Z',
        'Authorization',
        'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, ' +
          'SignedHeaders=content-type;host;x-amz-date, ' +
          'Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7',
      ],
      body: Buffer.alloc(0),
    };
    const auth = parseSigV4(wire);
    expect(createHash('sha256').update(canonicalRequest(wire, auth.signedHeaders)).digest('hex')).toBe(
      'f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59',
    );
    expect(verifies(wire, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY')).toBe(true);
  });

  it.each<[string, Draft]>([
    ['a form body', { body: 'Action=GetCallerIdentity&Version=2011-06-15' }],
    ['a GET query with reserved and non-ASCII characters', { method: 'GET', query: { Action: 'GetCallerIdentity', Version: '2011-06-15', Note: "a b+c/d~e*f'(g)!ü=&" } }],
    ['repeated spaces in a header value', { headers: { 'x-amz-meta-note': '  two   spaces  ' } }],
    ['an empty body', {}],
  ])('accepts a request with %s signed by the SDK’s signer', async (_what, draft) => {
    expect(verifies(await signed(draft))).toBe(true);
  });

  it.each<[string, (wire: WireRequest) => WireRequest]>([
    ['its body changed', (w) => ({ ...w, body: Buffer.from('Action=GetCallerIdentity&Version=2011-06-16') })],
    ['a signed header changed', (w) => withHeader(w, 'content-type', 'text/plain')],
    ['its session token changed', (w) => withHeader(w, 'x-amz-security-token', 'fake-token-other')],
    ['its method changed', (w) => ({ ...w, method: 'PUT' })],
    ['its path changed', (w) => ({ ...w, path: '/other' })],
    ['a query parameter added', (w) => ({ ...w, query: 'Extra=1' })],
    ['a signed header removed', (w) => ({ ...w, rawHeaders: w.rawHeaders.slice(0, 2).concat(w.rawHeaders.slice(4)) })],
  ])('refuses a signed request with %s', async (_what, tamper) => {
    const wire = await signed({ body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    expect(verifies(wire)).toBe(true);
    expect(verifies(tamper(wire))).toBe(false);
  });

  it('refuses the right request signed with another secret, and ignores headers that were not signed', async () => {
    const wire = await signed({ body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    expect(verifies(wire, 'fake-secret-other')).toBe(false);
    expect(verifies(withHeader(wire, 'x-forwarded-for', '127.0.0.2'))).toBe(true);
  });

  it('says which way the clock is off, in AWS words, beyond 5 minutes only', async () => {
    const now = Date.UTC(2026, 10, 22, 12, 0, 0);
    const at = async (minutes: number) => parseSigV4(await signed({}, new Date(now + minutes * 60_000)));
    const [fiveEarly, fiveLate, twentyEarly, twentyLate] = await Promise.all([at(-5), at(5), at(-20), at(20)]);
    expect(() => checkRequestTime(fiveEarly, now)).not.toThrow();
    expect(() => checkRequestTime(fiveLate, now)).not.toThrow();
    expect(errorOf(() => checkRequestTime(twentyEarly, now)).message).toBe(
      'Signature expired: 20261122T114000Z is now earlier than 20261122T115500Z (20261122T120000Z - 5 min.)',
    );
    expect(errorOf(() => checkRequestTime(twentyLate, now)).message).toBe(
      'Signature not yet current: 20261122T122000Z is still later than 20261122T120500Z (20261122T120000Z + 5 min.)',
    );
  });

  it.each<[string, (wire: WireRequest) => WireRequest, string, string]>([
    ['no Authorization header', (w) => ({ ...w, rawHeaders: w.rawHeaders.filter((_, i, all) => all[i - (i % 2)] !== 'authorization') }), 'MissingAuthenticationToken', 'missing Authentication Token'],
    ['an Authorization header without Signature', (w) => withHeader(w, 'authorization', 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261122/ap-northeast-1/sts/aws4_request, SignedHeaders=host'), 'IncompleteSignature', "requires 'Signature'"],
    ['another algorithm', (w) => withHeader(w, 'authorization', 'AWS4-HMAC-SHA512 Credential=x'), 'IncompleteSignature', "Unsupported AWS 'algorithm'"],
  ])('refuses %s', async (_what, change, code, message) => {
    const wire = change(await signed({}));
    const error = errorOf(() => parseSigV4(wire));
    expect(error.code).toBe(code);
    expect(error.message).toContain(message);
  });

  it.each<[string, string, string]>([
    ['another service', 'AKIAIOSFODNN7EXAMPLE/{date}/ap-northeast-1/iam/aws4_request', "scoped to correct service: 'sts'"],
    ['another day', 'AKIAIOSFODNN7EXAMPLE/20200101/ap-northeast-1/sts/aws4_request', 'Date in Credential scope does not match'],
    ['a malformed region', 'AKIAIOSFODNN7EXAMPLE/{date}/tokyo/sts/aws4_request', 'scoped to a valid region'],
  ])('refuses a credential scope naming %s', async (_what, credential, message) => {
    const wire = await signed({});
    const auth = parseSigV4(wire);
    const header = `AWS4-HMAC-SHA256 Credential=${credential.replace('{date}', auth.scopeDate)}, SignedHeaders=host, Signature=00`;
    const error = errorOf(() => checkScope(parseSigV4(withHeader(wire, 'authorization', header)), { service: 'sts' }));
    expect(error).toMatchObject({ status: 403, code: 'SignatureDoesNotMatch' });
    expect(error.message).toContain(message);
  });

  it('refuses a signature that does not cover Host', async () => {
    const wire = await signed({});
    const auth = parseSigV4(wire);
    expect(errorOf(() => checkScope({ ...auth, signedHeaders: ['x-amz-date'] }, { service: 'sts' })).message).toContain("'Host'");
  });

  it('formats request times as ISO 8601 basic', () => {
    expect(toAmzDate(Date.UTC(2026, 0, 2, 3, 4, 5))).toBe('20260102T030405Z');
  });
});

describe('SigV4 over HTTP', () => {
  let emulator: StsEmulator;
  beforeAll(async () => {
    emulator = await startStsEmulator(fixtureOptions());
  });
  afterAll(async () => {
    await emulator.close();
  });

  async function send(method: 'GET' | 'POST', params: Record<string, string>, secret: string): Promise<Response> {
    const url = new URL(emulator.url);
    const form = new URLSearchParams(params).toString();
    const sig = new SignatureV4({ service: 'sts', region: 'ap-northeast-1', sha256: NodeSha256, credentials: { accessKeyId: DEV.accessKeyId, secretAccessKey: secret } });
    const request = await sig.sign({
      method,
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      query: method === 'GET' ? params : {},
      headers: { host: url.host, ...(method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: method === 'POST' ? form : undefined,
    });
    const query = method === 'GET' ? `?${Object.entries(params).map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`).join('&')}` : '';
    const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => name !== 'host'));
    return fetch(`${emulator.url}/${query}`, { method, headers, ...(method === 'POST' ? { body: form } : {}) });
  }

  it('answers a signed GET with STS’s XML, a request id and a Date header', async () => {
    const response = await send('GET', { Action: 'GetCallerIdentity', Version: '2011-06-15' }, DEV.secretAccessKey);
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Date.parse(response.headers.get('date') ?? '') - Date.now())).toBeLessThan(2000);
    expect(text).toContain('<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">');
    expect(text).toContain('<Arn>arn:aws:iam::111111111111:user/dev</Arn>');
    expect(text).toContain(`<RequestId>${response.headers.get('x-amzn-requestid')}</RequestId>`);
  });

  it('answers a bad signature with STS’s ErrorResponse shape', async () => {
    const response = await send('POST', { Action: 'GetCallerIdentity', Version: '2011-06-15' }, 'fake-secret-wrong');
    const text = await response.text();
    expect(response.status).toBe(403);
    expect(text).toMatch(
      /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\s*<Error>\s*<Type>Sender<\/Type>\s*<Code>SignatureDoesNotMatch<\/Code>\s*<Message>The request signature we calculated/,
    );
    expect(response.headers.get('date')).not.toBeNull();
  });

  it.each([
    [{ Action: 'GetWebIdentityToken', Version: '2011-06-15' }, 400, 'InvalidAction'],
    [{ Action: 'GetCallerIdentity', Version: '2010-01-01' }, 400, 'InvalidAction'],
    [{ Version: '2011-06-15' }, 400, 'MissingAction'],
  ])('refuses %j with %i %s', async (params, status, code) => {
    const response = await send('POST', params, DEV.secretAccessKey);
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(`<Code>${code}</Code>`);
  });
});
