// The credential socket for real (Unix sockets in a temp folder): what the server serves,
// and every socket the client must not trust or wait on.

import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StsTrayError } from '../core/errors.js';
import type { RoleSession } from '../core/sessions.js';
import { askCredentialSocket } from './credential-socket-client.js';
import { credentialSocketLocation, type SocketLocation } from './credential-socket-path.js';
import { serveCredentials, type CredentialServerDeps } from './credential-socket-server.js';

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

const CONFIG = {
  identities: [{ name: 'dev' }],
  roles: [{ name: 'tes', identity: 'dev' }, { name: 'mfa', identity: 'dev' }],
} as unknown as Awaited<ReturnType<CredentialServerDeps['config']>>;

function fakeSession(role: string): RoleSession {
  return {
    role: { name: role },
    identity: { name: 'dev' },
    credentials: {
      accessKeyId: 'ASIAFAKE0000000000001',
      secretAccessKey: 'fake-secret',
      sessionToken: 'fake-token',
      expiresAt: Date.UTC(2030, 0, 1) + 60_000,
      serverClockOffsetMs: 60_000,
    },
    region: 'ap-northeast-1',
    obtainedAt: 0,
  } as unknown as RoleSession;
}

describe('credential socket', () => {
  let dir: string;
  let location: SocketLocation;
  const closers: Array<() => Promise<void> | void> = [];
  const asked: string[] = [];
  const prompts: Array<[string | null, string]> = [];
  const deps = (): CredentialServerDeps => ({
    location,
    config: () => CONFIG,
    sessions: {
      roleSession: async (role) => {
        asked.push(role);
        if (role === 'mfa') throw new StsTrayError('needs-mfa', 'no MFA session for "dev" is active');
        if (role === 'nope') throw new StsTrayError('not-found', 'no role named "nope"');
        return fakeSession(role);
      },
    },
    onNeedsMfa: (identity, role) => prompts.push([identity, role]),
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sts-tray-sock-'));
    chmodSync(dir, 0o755); // as a temp folder may be: the server must not trust it blindly
    location = credentialSocketLocation({ XDG_RUNTIME_DIR: dir, STS_TRAY_HOME: '/h/app' }, 'linux');
    asked.length = 0;
    prompts.length = 0;
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    rmSync(dir, { recursive: true, force: true });
  });

  const serve = async () => {
    const server = await serveCredentials(deps());
    closers.push(() => server.close());
    return server;
  };

  it('serves a live session from a 0600 socket in a 0700 folder, expiry by the local clock', async () => {
    await serve();
    expect(lstatSync(location.dir ?? '').mode & 0o777).toBe(0o700);
    expect(lstatSync(location.path).mode & 0o777).toBe(0o600);
    const answer = await askCredentialSocket(location, { op: 'session', role: 'tes' });
    expect(answer).toEqual({
      ok: true,
      session: {
        accessKeyId: 'ASIAFAKE0000000000001',
        secretAccessKey: 'fake-secret',
        sessionToken: 'fake-token',
        expiresAt: Date.UTC(2030, 0, 1),
        region: 'ap-northeast-1',
      },
    });
  });

  it('passes refusals through and raises the MFA prompt once per identity', async () => {
    await serve();
    expect(await askCredentialSocket(location, { op: 'session', role: 'nope' })).toMatchObject({ ok: false, code: 'not-found' });
    for (let i = 0; i < 3; i += 1) {
      expect(await askCredentialSocket(location, { op: 'session', role: 'mfa' })).toMatchObject({ ok: false, code: 'needs-mfa' });
    }
    expect(prompts).toEqual([['dev', 'mfa']]);
  });

  it('a stale socket (crashed app) is unavailable at once, not suspicious, and replaced by the next server', async () => {
    mkdirSync(location.dir ?? '', { mode: 0o700 });
    crashedServer(location.path);
    expect(lstatSync(location.path).isSocket()).toBe(true);
    const answer = await askCredentialSocket(location, { op: 'session', role: 'tes' });
    expect(answer).toMatchObject({ ok: 'unavailable', suspicious: false, why: 'no sts-tray app is running' });
    await serve();
    expect(await askCredentialSocket(location, { op: 'session', role: 'tes' })).toMatchObject({ ok: true });
  });

  it('a regular file at the socket path is never trusted and never replaced', async () => {
    mkdirSync(location.dir ?? '', { mode: 0o700 });
    writeFileSync(location.path, 'not a socket', { mode: 0o600 });
    expect(await askCredentialSocket(location, { op: 'session', role: 'tes' })).toMatchObject({
      ok: 'unavailable',
      suspicious: true,
      why: expect.stringMatching(/is not a socket/),
    });
    await expect(serveCredentials(deps())).rejects.toThrow(/exists and is not a socket; remove it/);
  });

  it('a socket or folder open to others is not trusted', async () => {
    await serve();
    chmodSync(location.path, 0o666);
    expect(await askCredentialSocket(location, { op: 'session', role: 'tes' })).toMatchObject({ ok: 'unavailable', suspicious: true, why: expect.stringMatching(/mode 666/) });
    chmodSync(location.path, 0o600);
    chmodSync(location.dir ?? '', 0o755);
    expect(await askCredentialSocket(location, { op: 'session', role: 'tes' })).toMatchObject({ ok: 'unavailable', why: expect.stringMatching(/mode 755/) });
    expect(asked).toEqual([]);
  });

  it('a server that accepts and never answers costs the timeout, then is unavailable', async () => {
    mkdirSync(location.dir ?? '', { mode: 0o700 });
    const sockets: Socket[] = [];
    const hung = createServer((s) => sockets.push(s));
    await new Promise<void>((resolve) => hung.listen(location.path, resolve));
    chmodSync(location.path, 0o600);
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          for (const s of sockets) s.destroy();
          hung.close(() => resolve());
        }),
    );
    const answer = await askCredentialSocket(location, { op: 'session', role: 'tes' }, 200);
    expect(answer).toMatchObject({ ok: 'unavailable', suspicious: true, why: expect.stringMatching(/did not answer within 200 ms/) });
  });

  it('a second server does not take over a live one', async () => {
    await serve();
    await expect(serveCredentials(deps())).rejects.toThrow(/another sts-tray already serves them/);
    expect(await askCredentialSocket(location, { op: 'session', role: 'tes' })).toMatchObject({ ok: true });
  });

  it.runIf(isRoot)('another uid cannot connect to the socket (setpriv as nobody)', async () => {
    await serve();
    const probe = `require('net').connect(${JSON.stringify(location.path)}).on('connect',()=>{console.log('connected');process.exit(0)}).on('error',e=>{console.log(e.code);process.exit(0)})`;
    const { stdout } = await run('setpriv', ['--reuid', String(NOBODY), '--regid', String(NOBODY), '--clear-groups', process.execPath, '-e', probe]);
    expect(stdout.trim()).toBe('EACCES');
  });

  it.runIf(isRoot)('a socket or folder owned by another uid is neither trusted by the client nor served', async () => {
    await serve();
    chownSync(location.path, NOBODY, NOBODY);
    expect(await askCredentialSocket(location, { op: 'session', role: 'tes' })).toMatchObject({
      ok: 'unavailable',
      suspicious: true,
      why: expect.stringMatching(/owned by uid 65534/),
    });
    chownSync(location.path, 0, 0);
    chownSync(location.dir ?? '', NOBODY, NOBODY);
    expect(await askCredentialSocket(location, { op: 'session', role: 'tes' })).toMatchObject({ ok: 'unavailable', why: expect.stringMatching(/owned by uid 65534/) });
    for (const close of closers.splice(0)) await close();
    await expect(serveCredentials(deps())).rejects.toThrow(/belongs to uid 65534, not to you/);
    expect(asked).toEqual([]);
  });
});

/** A socket file nobody listens on, as a crashed app leaves it: a child listens and is killed. */
function crashedServer(path: string): void {
  const script = `require('net').createServer().listen(${JSON.stringify(path)},()=>{require('fs').chmodSync(${JSON.stringify(path)},0o600);process.kill(process.pid,'SIGKILL')})`;
  spawnSync(process.execPath, ['-e', script]);
}
