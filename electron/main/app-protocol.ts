// The renderer is served from app://sts-tray/, not file://: a real origin the CSP's 'self'
// and the IPC sender check can name, and no reach into the rest of the disk. The handler is
// a plain function from a request to a Response: files only from the renderer folder, no
// path traversal (encoded or not), 404 for anything else, and every response carries the
// strict CSP and nosniff.

import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'sts-tray';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const RENDERER_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // standard: URLs resolve like http (relative paths, an origin); secure: a secure context.
  privileges: { standard: true, secure: true },
} as const;

/**
 * No inline script, no eval, nothing fetched from elsewhere: the renderer talks to main over
 * IPC only (connect-src 'none'). React's style prop sets styles through the CSSOM, which
 * style-src does not govern, so no 'unsafe-inline' is needed for styles either.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** The renderer's files, by a path relative to the renderer folder ("assets/index.js"). */
export interface RendererFiles {
  /** The file's bytes, or null when there is no such file. */
  read(relativePath: string): Promise<Uint8Array | null>;
}

/** "app://sts-tray" for a URL of our origin, null for anything else. */
export function appOriginOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Node's URL gives a non-special scheme the origin "null", so compare the parts.
  const ours = parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
  return ours ? APP_ORIGIN : null;
}

/** The renderer's own page (index.html, with or without a fragment): the one place the window may go. */
export function isRendererPage(url: string): boolean {
  if (appOriginOf(url) === null) return false;
  const { pathname, search } = new URL(url);
  return search === '' && (pathname === '/' || pathname === '/index.html');
}

export async function serveRenderer(request: { readonly url: string; readonly method: string }, files: RendererFiles): Promise<Response> {
  if (appOriginOf(request.url) === null) return respond(404);
  if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405);
  const path = relativePathOf(new URL(request.url).pathname);
  if (path === null) return respond(404);
  let bytes: Uint8Array | null;
  try {
    bytes = await files.read(path);
  } catch {
    return respond(500);
  }
  if (bytes === null) return respond(404);
  const type = CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), {
    status: 200,
    headers: { ...SECURITY_HEADERS, 'Content-Type': type },
  });
}

/**
 * The URL path as a path inside the renderer folder, or null when it tries to leave it.
 * URL parsing already folds "/../" and "/%2e%2e/"; decoding can still reveal "..", a
 * backslash or a NUL ("..%2f", "%5c"), so the decoded segments are checked again.
 */
export function relativePathOf(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (/[\\\0]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  if (segments.length === 0 || decoded.endsWith('/')) segments.push('index.html');
  return segments.join('/');
}

function respond(status: 404 | 405 | 500): Response {
  const text = status === 404 ? 'not found' : status === 405 ? 'method not allowed' : 'could not read the file';
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** The renderer folder on disk (inside app.asar when packaged: Electron's fs reads it). */
export function rendererFilesAt(root: string): RendererFiles {
  const base = resolve(root);
  return {
    async read(relativePath) {
      const full = resolve(base, relativePath);
      // relativePathOf already refuses "..": this is the second lock on the same door.
      if (!full.startsWith(base + sep)) return null;
      try {
        return await readFile(full);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return null;
        throw error;
      }
    },
  };
}
