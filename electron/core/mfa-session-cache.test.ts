import { describe, expect, it } from 'vitest';
import { mfaSessionItem } from './keychain-items.js';
import { MfaSessionCache } from './mfa-session-cache.js';
import { MemorySecretStore } from './testing/memory-secret-store.js';

const session = {
  accessKeyId: 'ASIAFAKEFAKEFAKE0001',
  secretAccessKey: 'fake-session-secret',
  sessionToken: 'fake-session-token',
  expiresAt: 10_000_000,
  serverClockOffsetMs: 0,
};

describe('MfaSessionCache', () => {
  it('shares a session between processes through the keychain', async () => {
    const secrets = new MemorySecretStore();
    await new MfaSessionCache(secrets, { now: () => 0 }).put('dev', session);
    expect(await new MfaSessionCache(secrets, { now: () => 0 }).get('dev')).toEqual(session);
  });

  it('drops a session within a minute of its end, by the server clock', async () => {
    const secrets = new MemorySecretStore();
    const skewed = { ...session, serverClockOffsetMs: 120_000 };
    await new MfaSessionCache(secrets, { now: () => 0 }).put('dev', skewed);
    // Our clock says 2 min 30 s left; the server's says 30 s: not usable.
    expect(await new MfaSessionCache(secrets, { now: () => session.expiresAt - 150_000 }).get('dev')).toBeNull();
    expect(await secrets.get(mfaSessionItem('dev'))).toBeNull();
  });

  it('forgets an ended session once when several roles find it ended together', async () => {
    const secrets = new MemorySecretStore();
    const cache = new MfaSessionCache(secrets, { now: () => 0 });
    await cache.put('dev', session);
    let deletes = 0;
    const remove = secrets.delete.bind(secrets);
    secrets.delete = async (account: string) => {
      deletes += 1;
      return remove(account);
    };
    await Promise.all([cache.forget('dev'), cache.forget('dev'), cache.forget('dev')]);
    expect(deletes).toBe(1);
    expect(await secrets.get(mfaSessionItem('dev'))).toBeNull();
    await cache.forget('dev');
    expect(deletes).toBe(2);
  });

  it('after its own session ended, takes the one another process stored since, and keeps it in the keychain', async () => {
    const secrets = new MemorySecretStore();
    let now = 0;
    const tray = new MfaSessionCache(secrets, { now: () => now });
    await tray.put('dev', session);
    now = session.expiresAt + 1; // the tray's session has ended
    const renewed = { ...session, accessKeyId: 'ASIAFAKEFAKEFAKE0002', expiresAt: now + 3_600_000 };
    await new MfaSessionCache(secrets, { now: () => now }).put('dev', renewed); // `sts-tray assume` in a terminal
    expect(await tray.expiresAt('dev')).toBe(renewed.expiresAt);
    expect(await tray.get('dev')).toEqual(renewed);
    expect(await secrets.get(mfaSessionItem('dev'))).not.toBeNull();
  });

  it('reports the end of an ended session until there is a newer one', async () => {
    const secrets = new MemorySecretStore();
    let now = 0;
    const cache = new MfaSessionCache(secrets, { now: () => now });
    await cache.put('dev', session);
    now = session.expiresAt + 1;
    expect(await cache.expiresAt('dev')).toBe(session.expiresAt);
    expect(await cache.get('dev')).toBeNull();
    expect(await cache.expiresAt('dev')).toBeNull();
  });

  it('treats an unreadable item as no session and removes it', async () => {
    const secrets = new MemorySecretStore({ entries: [[mfaSessionItem('dev'), '{"v":1,"accessKeyId":1}']] });
    expect(await new MfaSessionCache(secrets, { now: () => 0 }).get('dev')).toBeNull();
    expect(await secrets.get(mfaSessionItem('dev'))).toBeNull();
  });
});
