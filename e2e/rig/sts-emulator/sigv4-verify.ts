// Server side of AWS Signature Version 4 for header-signed requests: parse the
// Authorization header, rebuild the canonical request from what actually arrived, and
// compare signatures. Checks fail with the error code and wording AWS uses, because
// clients act on them (the SDK corrects its clock on "Signature expired").

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

import { StsError, signatureMismatch } from './sts-error.js';

export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
export const MAX_CLOCK_DIFFERENCE_MS = 5 * 60_000;

/** A request as it came off the wire: path and query still percent-encoded. */
export interface WireRequest {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  /** Node's `rawHeaders`: name, value, name, value … in arrival order. */
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
}

export interface SigV4Authorization {
  readonly accessKeyId: string;
  readonly scopeDate: string; // YYYYMMDD
  readonly region: string;
  readonly service: string;
  readonly terminator: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  readonly amzDate: string; // YYYYMMDDTHHMMSSZ
  readonly requestTimeMs: number;
  readonly securityToken: string | undefined;
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Header values by lower-case name; repeated headers are joined with ',' as SigV4 wants. */
export function headerMap(rawHeaders: readonly string[]): Map<string, string> {
  const headers = new Map<string, string>();
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? '').toLowerCase();
    const value = (rawHeaders[i + 1] ?? '').trim().replace(/\s+/g, ' ');
    const previous = headers.get(name);
    headers.set(name, previous === undefined ? value : `${previous},${value}`);
  }
  return headers;
}

export function toAmzDate(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function parseAmzDate(text: string): number | null {
  const match = AMZ_DATE.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(ms) ? null : ms;
}

function incompleteSignature(message: string): StsError {
  return new StsError(400, 'IncompleteSignature', message);
}

/** Reads the Authorization header and the request time; throws AWS's error when they are unusable. */
export function parseSigV4(request: WireRequest): SigV4Authorization {
  const headers = headerMap(request.rawHeaders);
  const authorization = headers.get('authorization');
  if (authorization === undefined) {
    if (/(^|&)X-Amz-Signature=/i.test(request.query)) {
      throw incompleteSignature('The STS emulator takes SigV4 in the Authorization header only, not presigned query strings.');
    }
    throw new StsError(403, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
  }
  const space = authorization.indexOf(' ');
  const algorithm = space < 0 ? authorization : authorization.slice(0, space);
  if (algorithm !== SIGV4_ALGORITHM) {
    throw incompleteSignature(`Unsupported AWS 'algorithm': '${algorithm}'`);
  }
  const parts = new Map<string, string>();
  for (const part of authorization.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((name) => !parts.get(name));
  if (missing.length > 0) {
    throw incompleteSignature(missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '));
  }
  const credential = (parts.get('Credential') ?? '').split('/');
  if (credential.length !== 5 || credential.some((piece) => piece === '')) {
    throw incompleteSignature(
      "Authorization header requires 'Credential' in the form <access key id>/<date>/<region>/<service>/aws4_request.",
    );
  }
  const [accessKeyId, scopeDate, region, service, terminator] = credential as [string, string, string, string, string];

  let amzDate = headers.get('x-amz-date');
  if (amzDate === undefined) {
    const httpDate = headers.get('date');
    const ms = httpDate === undefined ? NaN : Date.parse(httpDate);
    if (Number.isNaN(ms)) {
      throw incompleteSignature("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
    }
    amzDate = toAmzDate(ms);
  }
  const requestTimeMs = parseAmzDate(amzDate);
  if (requestTimeMs === null) {
    throw incompleteSignature(`X-Amz-Date must be in the ISO8601 basic format YYYYMMDD'T'HHMMSS'Z', not '${amzDate}'.`);
  }
  const query = new URLSearchParams(request.query);
  return {
    accessKeyId,
    scopeDate,
    region,
    service,
    terminator,
    signedHeaders: (parts.get('SignedHeaders') ?? '').split(';'),
    signature: parts.get('Signature') ?? '',
    amzDate,
    requestTimeMs,
    securityToken: headers.get('x-amz-security-token') ?? query.get('X-Amz-Security-Token') ?? undefined,
  };
}

/** The credential scope must name this service, the request's own date and, if given, this region. */
export function checkScope(auth: SigV4Authorization, expected: { service: string; region?: string | undefined }): void {
  if (auth.terminator !== 'aws4_request') {
    throw signatureError(`Credential should be scoped with a valid terminator: 'aws4_request', not '${auth.terminator}'.`);
  }
  if (auth.service !== expected.service) {
    throw signatureError(`Credential should be scoped to correct service: '${expected.service}'. `);
  }
  if (expected.region !== undefined ? auth.region !== expected.region : !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(auth.region)) {
    throw signatureError(`Credential should be scoped to a valid region, not '${auth.region}'. `);
  }
  if (auth.scopeDate !== auth.amzDate.slice(0, 8)) {
    throw signatureError(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${auth.scopeDate}' != '${auth.amzDate.slice(0, 8)}', from '${auth.amzDate}'.`,
    );
  }
  if (!auth.signedHeaders.includes('host')) {
    throw signatureError("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  }
}

function signatureError(message: string): StsError {
  return new StsError(403, 'SignatureDoesNotMatch', message);
}

/** AWS refuses a signature made more than 5 minutes away from its own clock, and says which way. */
export function checkRequestTime(auth: SigV4Authorization, nowMs: number): void {
  if (auth.requestTimeMs < nowMs - MAX_CLOCK_DIFFERENCE_MS) {
    throw signatureError(
      `Signature expired: ${auth.amzDate} is now earlier than ${toAmzDate(nowMs - MAX_CLOCK_DIFFERENCE_MS)} (${toAmzDate(nowMs)} - 5 min.)`,
    );
  }
  if (auth.requestTimeMs > nowMs + MAX_CLOCK_DIFFERENCE_MS) {
    throw signatureError(
      `Signature not yet current: ${auth.amzDate} is still later than ${toAmzDate(nowMs + MAX_CLOCK_DIFFERENCE_MS)} (${toAmzDate(nowMs)} + 5 min.)`,
    );
  }
}

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - _ . ~ */
export function uriEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function canonicalPath(rawPath: string): string {
  // Non-S3 services normalise the path and encode each segment of the (already encoded) path once more.
  const segments: string[] = [];
  for (const segment of rawPath.split('/').slice(1)) {
    if (segment === '.' || segment === '') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = rawPath.endsWith('/') && segments.length > 0 ? '/' : '';
  return `/${segments.map((segment) => uriEncode(segment)).join('/')}${trailing}`;
}

function canonicalQuery(rawQuery: string): string {
  if (rawQuery === '') return '';
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      const value = eq < 0 ? '' : pair.slice(eq + 1);
      return [uriEncode(safeDecode(name)), uriEncode(safeDecode(value))] as const;
    })
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

export function canonicalRequest(request: WireRequest, signedHeaders: readonly string[]): string {
  const headers = headerMap(request.rawHeaders);
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${headers.get(name) ?? ''}\n`).join('');
  return [
    request.method,
    canonicalPath(request.path),
    canonicalQuery(request.query),
    canonicalHeaders,
    signedHeaders.join(';'),
    // The hash of what really arrived, not of what x-amz-content-sha256 claims: a body
    // changed on the way then fails the signature.
    createHash('sha256').update(request.body).digest('hex'),
  ].join('\n');
}

export function expectedSignature(request: WireRequest, auth: SigV4Authorization, secretAccessKey: string): string {
  const scope = `${auth.scopeDate}/${auth.region}/${auth.service}/${auth.terminator}`;
  const stringToSign = [
    SIGV4_ALGORITHM,
    auth.amzDate,
    scope,
    createHash('sha256').update(canonicalRequest(request, auth.signedHeaders)).digest('hex'),
  ].join('\n');
  let key: Buffer = createHmac('sha256', `AWS4${secretAccessKey}`).update(auth.scopeDate).digest();
  for (const part of [auth.region, auth.service, auth.terminator]) key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

export function verifySignature(request: WireRequest, auth: SigV4Authorization, secretAccessKey: string): void {
  const headers = headerMap(request.rawHeaders);
  if (auth.signedHeaders.some((name) => !headers.has(name))) throw signatureMismatch();
  const expected = Buffer.from(expectedSignature(request, auth, secretAccessKey), 'utf8');
  const given = Buffer.from(auth.signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw signatureMismatch();
}
