import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  appOriginOf,
  isRendererPage,
  relativePathOf,
  rendererFilesAt,
  serveRenderer,
  type RendererFiles,
} from './app-protocol.js';

// A real folder: <tmp>/secret.txt beside <tmp>/renderer/{index.html, assets/index.js}.
let base: string;
let files: RendererFiles;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'sts-tray-protocol-'));
  await mkdir(join(base, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
  await writeFile(join(base, 'renderer', 'assets', 'index.js'), 'console.log("hi")');
  await writeFile(join(base, 'renderer', 'assets', 'logo.svg'), '<svg/>');
  await writeFile(join(base, 'secret.txt'), 'fake-secret-outside-the-renderer');
  files = rendererFilesAt(join(base, 'renderer'));
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serveRenderer({ url, method }, files);

describe('serveRenderer', () => {
  it.each([
    ['app://sts-tray/', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://sts-tray/index.html', 'text/html; charset=utf-8', '<!doctype html>'],
    ['app://sts-tray/assets/index.js', 'text/javascript; charset=utf-8', 'console.log'],
    ['app://sts-tray/assets/logo.svg', 'image/svg+xml', '<svg/>'],
    ['app://sts-tray/assets/index.js?v=1#x', 'text/javascript; charset=utf-8', 'console.log'],
  ])('serves %s as %s', async (url, type, start) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect((await response.text()).startsWith(start)).toBe(true);
  });

  it('puts the strict CSP and nosniff on every response, found or not', async () => {
    for (const url of ['app://sts-tray/index.html', 'app://sts-tray/missing.js', 'app://elsewhere/index.html']) {
      const response = await get(url);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('the CSP allows scripts and styles only from our origin, no eval or inline script, no network', () => {
    const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));
    expect(directives).toEqual({
      'default-src': "'none'",
      'script-src': "'self'",
      'style-src': "'self'",
      'img-src': "'self' data:",
      'font-src': "'self'",
      'connect-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      'frame-ancestors': "'none'",
    });
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(eval|inline)/);
  });

  it.each([
    'app://sts-tray/../secret.txt',
    'app://sts-tray/../../etc/passwd',
    'app://sts-tray/%2e%2e/secret.txt',
    'app://sts-tray/%2E%2E/secret.txt',
    'app://sts-tray/..%2fsecret.txt',
    'app://sts-tray/assets/..%2f..%2fsecret.txt',
    'app://sts-tray/..%5csecret.txt',
    'app://sts-tray/assets%2f..%2f..%2fsecret.txt',
    'app://sts-tray/index.html%00.js',
    'app://sts-tray/%E0%A4%A',
  ])('refuses to leave the renderer folder: %s → 404', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('fake-secret');
  });

  it.each(['app://elsewhere/index.html', 'app://user:pw@sts-tray/index.html', 'file:///etc/passwd', 'https://sts-tray/index.html', 'not a url'])(
    'answers only for our own origin: %s → 404',
    async (url) => {
      expect((await get(url)).status).toBe(404);
    },
  );

  it('404 for a file that is not there, and for a folder', async () => {
    expect((await get('app://sts-tray/nope.js')).status).toBe(404);
    expect((await get('app://sts-tray/assets')).status).toBe(404);
  });

  it('reads only: GET and HEAD, nothing else', async () => {
    const head = await get('app://sts-tray/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('app://sts-tray/index.html', 'POST')).status).toBe(405);
  });

  it('a read error is a 500 without details', async () => {
    const broken: RendererFiles = { read: () => Promise.reject(new Error('EACCES: /home/u/secret')) };
    const response = await serveRenderer({ url: 'app://sts-tray/index.html', method: 'GET' }, broken);
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('/home/u');
  });
});

describe('rendererFilesAt', () => {
  it('will not read outside its folder even when asked directly', async () => {
    expect(await files.read('../secret.txt')).toBeNull();
    expect(await files.read('index.html')).not.toBeNull();
  });
});

describe('relativePathOf', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/assets/', 'assets/index.html'],
    ['/assets/a%20b.js', 'assets/a b.js'],
    ['/..%2fx', null],
    ['/a/%2e%2e%2fb', null],
  ])('%s → %s', (pathname, expected) => {
    expect(relativePathOf(pathname)).toBe(expected);
  });
});

describe('origin helpers', () => {
  it('recognise only app://sts-tray (Node gives custom schemes the origin "null", so this compares parts)', () => {
    expect(appOriginOf('app://sts-tray/index.html')).toBe('app://sts-tray');
    expect(appOriginOf('app://sts-tray.evil.example/index.html')).toBeNull();
    expect(appOriginOf('http://sts-tray/')).toBeNull();
    expect(appOriginOf('')).toBeNull();
  });

  it('the renderer page is index.html of our origin, fragment allowed', () => {
    expect(isRendererPage('app://sts-tray/index.html')).toBe(true);
    expect(isRendererPage('app://sts-tray/index.html#/roles')).toBe(true);
    expect(isRendererPage('app://sts-tray/')).toBe(true);
    expect(isRendererPage('app://sts-tray/other.html')).toBe(false);
    expect(isRendererPage('app://sts-tray/index.html?x=1')).toBe(false);
    expect(isRendererPage('https://example.com/')).toBe(false);
    expect(isRendererPage('file:///etc/passwd')).toBe(false);
  });

  it('the scheme is registered standard and secure', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'app', privileges: { standard: true, secure: true } });
  });
});
