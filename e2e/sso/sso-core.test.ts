// The core's Identity Center side against the emulators over loopback HTTP, through the real
// HTTP adapter: the device flow and its faults, the keychain items it leaves (an in-memory
// keychain here; the CLI suite uses the real one), discovery, refresh, role credentials that
// STS accepts, and revoked sessions.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SdkStsBroker } from '../../electron/adapters/sdk-sts-broker.js';
import { SsoHttpClient } from '../../electron/adapters/sso-http-client.js';
import { StsTrayError } from '../../electron/core/errors.js';
import { composeSso, type SsoComponents } from '../../electron/core/sso/sso-components.js';
import { discoverRoles } from '../../electron/core/sso/sso-discovery.js';
import { beginSignIn, completeSignIn } from '../../electron/core/sso/sso-sign-in.js';
import { MemorySecretStore } from '../../electron/core/testing/memory-secret-store.js';
import type { SsoIdentity } from '../../electron/contract/sso-identity.js';
import { SSO_REGION, SSO_USER, startSsoWorld, type SsoWorld } from './sso-world.js';

let world: SsoWorld;
let secrets: MemorySecretStore;
let sso: SsoComponents;
let identity: SsoIdentity;
const sleeps: number[] = [];

/** Polls go at a twentieth of the asked interval, so a slow_down costs no real 5 s. */
function components(): SsoComponents {
  const client = new SsoHttpClient({ endpoint: world.sso.endpointTemplate, timeoutMs: 2000 });
  return composeSso(client, secrets, { now: Date.now }, (ms) => {
    sleeps.push(ms);
    return new Promise((resolve) => setTimeout(resolve, ms / 20));
  });
}

/** A new emulator with other knobs (and its own start URL), the same keychain. */
async function restart(options: Parameters<typeof startSsoWorld>[0]): Promise<void> {
  await world.close();
  world = await startSsoWorld(options);
  sso = components();
  identity = { ...identity, startUrl: world.sso.startUrl };
}

async function signIn(approve: (userCode: string) => void = (code) => world.sso.approve(code)) {
  const pending = await beginSignIn(sso.signIn, identity);
  approve(pending.userCode);
  return { pending, token: await completeSignIn(sso.signIn, pending) };
}

async function failure(promise: Promise<unknown>): Promise<StsTrayError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof StsTrayError)) throw new Error(`expected an StsTrayError, got ${String(error)}`);
  return error;
}

beforeEach(async () => {
  world = await startSsoWorld({ intervalSeconds: 0 });
  secrets = new MemorySecretStore();
  sso = components();
  identity = { name: 'myco', startUrl: world.sso.startUrl, region: SSO_REGION };
  sleeps.length = 0;
});

afterEach(async () => {
  await world.close();
});

describe('signing in by the device flow', () => {
  it('shows a URL with the user code, waits while pending, then keeps both tokens in the keychain only', async () => {
    const pending = await beginSignIn(sso.signIn, identity);
    expect(pending.verificationUriComplete).toContain(pending.userCode);
    expect(pending.userCode).toMatch(/^[A-Z]{4}-[A-Z]{4}$/);
    setTimeout(() => world.sso.approve(pending.userCode), 150);
    const token = await completeSignIn(sso.signIn, pending);
    expect(world.sso.calls.filter((c) => c.errorType === 'AuthorizationPendingException').length).toBeGreaterThan(0);
    expect(token.refreshToken).toBeDefined();
    expect((await secrets.list()).sort()).toEqual(['sso-client:myco', 'sso-token:myco']);
    const stored = (await secrets.get('sso-token:myco')) ?? '';
    expect(stored).toContain(token.accessToken);
    expect(await sso.sessions.signedIn(identity)).toBe(true);
  });

  it('reuses the client registration for the next sign-in while it lasts', async () => {
    await signIn();
    await signIn();
    expect(world.sso.calls.filter((c) => c.call === 'RegisterClient')).toHaveLength(1);
  });

  it('polls less often after slow_down', async () => {
    world.sso.slowDownNext(1);
    await signIn();
    const polls = sleeps.filter((ms) => ms >= 1000);
    expect(polls[1]).toBe((polls[0] ?? 0) + 5000);
  });

  it('a denied sign-in says so and stores no token', async () => {
    const error = await failure(signIn((code) => world.sso.deny(code)));
    expect(error.code).toBe('access-denied');
    expect(error.message).toMatch(/denied in the browser; nothing was saved/);
    expect(await secrets.get('sso-token:myco')).toBeNull();
  });

  it('a code nobody approves expires with a clear message', async () => {
    await restart({ intervalSeconds: 0, deviceCodeSeconds: 1 });
    const error = await failure(signIn(() => undefined));
    expect(error.code).toBe('expired');
    expect(error.message).toMatch(/expired before it was approved; nothing was saved/);
    expect(await secrets.get('sso-token:myco')).toBeNull();
  });

  it('survives one dropped poll, and gives up after the network stays down, saving nothing', async () => {
    world.sso.dropNext('CreateToken', 1);
    await signIn();
    await sso.signIn.store.forgetToken('myco');
    world.sso.dropNext('CreateToken', 10);
    const error = await failure(signIn());
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/lost the connection to IAM Identity Center.*nothing was saved/);
    expect(await secrets.get('sso-token:myco')).toBeNull();
  });

  it('a wrong SSO region names the region to check', async () => {
    const error = await failure(beginSignIn(sso.signIn, { ...identity, region: 'eu-west-1' }));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/eu-west-1 does not know this start URL.*region of your IAM Identity Center/);
  });
});

describe('accounts, roles and role credentials', () => {
  it('lists every account and role across pages, with tes/stg/prd guessed from the names', async () => {
    await signIn();
    const found = await discoverRoles(sso.portal, identity, await sso.sessions.accessToken(identity));
    expect(found.map((d) => [d.name, d.env])).toEqual([
      ['myco-tes-AdministratorAccess', 'tes'],
      ['myco-tes-ReadOnlyAccess', 'tes'],
      ['myco-stg-ReadOnlyAccess', 'stg'],
      ['myco-prd-ReadOnlyAccess', 'prd'],
    ]);
    expect(world.sso.calls.filter((c) => c.call === 'ListAccounts')).toHaveLength(2);
  });

  it('role credentials from GetRoleCredentials work with STS, as the person in the role', async () => {
    await signIn();
    const credentials = await sso.sessions.roleCredentials(identity, { accountId: '333333333333', roleName: 'ReadOnlyAccess' });
    const sts = new SdkStsBroker({ endpoint: world.sts.url });
    const caller = await sts.getCallerIdentity({ credentials, region: SSO_REGION });
    sts.close();
    expect(caller.account).toBe('333333333333');
    expect(caller.arn).toMatch(new RegExp(`^arn:aws:sts::333333333333:assumed-role/AWSReservedSSO_ReadOnlyAccess_[0-9a-f]+/${SSO_USER}$`));
  });

  it('refreshes an ended access token with the refresh token, without a browser', async () => {
    const { token } = await signIn();
    world.sso.expireAccessTokens();
    // Our copy still looks fresh: the portal's refusal makes us refresh once.
    const credentials = await sso.sessions.roleCredentials(identity, { accountId: '222222222222', roleName: 'AdministratorAccess' });
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(world.sso.calls.filter((c) => c.call === 'CreateToken' && c.status === 200)).toHaveLength(2);
    const stored = await sso.signIn.store.token('myco');
    expect(stored?.accessToken).not.toBe(token.accessToken);
  });

  it('refreshes ahead of the access token end when our copy says it is near', async () => {
    await restart({ intervalSeconds: 0, accessTokenSeconds: 300 });
    await signIn();
    await sso.sessions.accessToken(identity);
    expect(world.sso.calls.filter((c) => c.call === 'CreateToken' && c.status === 200)).toHaveLength(2);
  });

  it('after its client registration ended, a refresh is impossible: a new sign-in, said so', async () => {
    await restart({ intervalSeconds: 0, accessTokenSeconds: 300 });
    await signIn();
    world.sso.expireClients();
    const error = await failure(sso.sessions.roleCredentials(identity, { accountId: '222222222222', roleName: 'ReadOnlyAccess' }));
    expect(error.code).toBe('needs-sign-in');
    expect(error.message).toMatch(/has ended \(IAM Identity Center refused to refresh it\): sign in again with sts-tray sso login myco/);
    expect(await secrets.get('sso-token:myco')).toBeNull();
    // The next sign-in registers a new client instead of the ended one.
    await signIn();
    expect(world.sso.calls.filter((c) => c.call === 'RegisterClient')).toHaveLength(2);
  });

  it('a revoked session needs a new sign-in, says how, and forgets the tokens', async () => {
    await signIn();
    world.sso.revokeSessions();
    const error = await failure(sso.sessions.roleCredentials(identity, { accountId: '222222222222', roleName: 'AdministratorAccess' }));
    expect(error.code).toBe('needs-sign-in');
    expect(error.message).toMatch(/sign in again with sts-tray sso login myco/);
    expect(await secrets.get('sso-token:myco')).toBeNull();
  });

  it('an unassigned role is refused by name', async () => {
    await signIn();
    const error = await failure(sso.sessions.roleCredentials(identity, { accountId: '444444444444', roleName: 'AdministratorAccess' }));
    expect(error.code).toBe('access-denied');
    expect(error.message).toMatch(/AdministratorAccess in account 444444444444/);
  });

  it('takes the expiry by our clock when the portal clock is off by 20 minutes', async () => {
    await signIn();
    world.sso.setClockSkewMs(20 * 60_000);
    const credentials = await sso.sessions.roleCredentials(identity, { accountId: '222222222222', roleName: 'ReadOnlyAccess' });
    const localEnd = credentials.expiresAt - credentials.serverClockOffsetMs;
    expect(Math.abs(localEnd - (Date.now() + 3600_000))).toBeLessThan(5_000);
  });

  it('no error message carries a token', async () => {
    const { token } = await signIn();
    world.sso.revokeSessions();
    const error = await failure(sso.sessions.roleCredentials(identity, { accountId: '222222222222', roleName: 'AdministratorAccess' }));
    for (const secret of [token.accessToken, token.refreshToken ?? '']) expect(error.message).not.toContain(secret);
  });
});
