// Opens a console login URL in the default browser without putting it in another process's
// argv (the URL signs in whoever holds it): the browser gets a one-use loopback address with
// a random path, which redirects to the URL once and is gone. BROWSER, when set, names the
// browser command (as xdg-open and Python's webbrowser read it); else the platform's opener.

import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StsTrayError } from '../core/errors.js';

const WAIT_FOR_BROWSER_MS = 60_000;

function opener(env: NodeJS.ProcessEnv, url: string): { command: string; args: string[] } {
  if (env.BROWSER) return { command: env.BROWSER, args: [url] };
  if (process.platform === 'darwin') return { command: 'open', args: [url] };
  if (process.platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  return { command: 'xdg-open', args: [url] };
}

/** Resolves when the browser has fetched the hand-off address (and been redirected). */
export async function openInBrowser(secretUrl: string, env: NodeJS.ProcessEnv): Promise<void> {
  const path = `/${randomBytes(24).toString('hex')}`;
  let served: () => void = () => undefined;
  const fetched = new Promise<void>((resolve) => (served = resolve));
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === path) {
      response.writeHead(302, { Location: secretUrl, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
      response.end();
      server.close();
      served();
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const { command, args } = opener(env, `http://127.0.0.1:${port}${path}`);
  const failed = new Promise<never>((_, reject) => {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', (error) => reject(new StsTrayError('usage', `cannot start a browser with ${command} (${error.message}): use --print and open the URL yourself`)));
    child.unref();
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StsTrayError('usage', `no browser opened the console within ${WAIT_FOR_BROWSER_MS / 1000} s: use --print and open the URL yourself`)), WAIT_FOR_BROWSER_MS);
  });
  try {
    await Promise.race([fetched, failed, timeout]);
  } finally {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections();
  }
}
