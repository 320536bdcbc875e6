// Serves the built renderer (dist/renderer) to Chromium through main's own protocol handler,
// so the page gets exactly the files, status codes and CSP headers the Electron window gets.
// Playwright can only intercept http(s), so the page lives at a stand-in https origin and
// each URL is mapped onto app://sts-tray before main's code (this handler, the IPC sender
// check) sees it.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_ORIGIN, rendererFilesAt, serveRenderer } from '../../../electron/main/app-protocol.js';

/** Where the page lives in Chromium: a secure origin of its own, like app://sts-tray in Electron. */
export const PAGE_ORIGIN = 'https://sts-tray.test';
export const PAGE_ENTRY = `${PAGE_ORIGIN}/index.html`;

const RENDERER_DIR = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));
const files = rendererFilesAt(RENDERER_DIR);

export interface ServedFile {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** Throws unless the renderer has been built. */
export function checkRendererBuilt(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${RENDERER_DIR}/index.html is missing: run \`npm run build\` first (npm run test:e2e does)`);
  }
}

/** The app:// URL main would see for a URL of the stand-in origin; any other URL as it is. */
export function appUrlOf(pageUrl: string): string {
  const url = URL.canParse(pageUrl) ? new URL(pageUrl) : null;
  return url?.origin === PAGE_ORIGIN ? `${APP_ORIGIN}${url.pathname}${url.search}${url.hash}` : pageUrl;
}

export async function serveApp(pageUrl: string, method: string): Promise<ServedFile> {
  const response = await serveRenderer({ url: appUrlOf(pageUrl), method }, files);
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    body: Buffer.from(await response.arrayBuffer()),
  };
}
