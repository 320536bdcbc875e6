import { describe, expect, it } from 'vitest';
import { checkSecretAccessKey, loadIdentityKey, saveIdentityKey } from './identity-keys.js';
import { identitySchema } from './model.js';
import { MemorySecretStore } from './testing/memory-secret-store.js';

const dev = identitySchema.parse({ name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001' });
const SECRET = 'fake-secret-dev-000000000000000000000001';

describe('identity keys in the keychain (TEST-MATRIX: keychain)', () => {
  it('round-trips the key and never keeps it anywhere but the store', async () => {
    const secrets = new MemorySecretStore();
    await saveIdentityKey(secrets, dev, SECRET);
    expect(await loadIdentityKey(secrets, dev)).toEqual({ accessKeyId: dev.accessKeyId, secretAccessKey: SECRET });
  });

  it.each([
    ['deleted outside the app', null, /missing from the keychain/],
    ['edited into something unreadable', 'hello', /changed outside sts-tray/],
    ['holding another key id', JSON.stringify({ v: 1, accessKeyId: 'AKIAFAKEFAKEFAKE9999', secretAccessKey: SECRET }), /another access key ID/],
  ])('an item %s is detected and the user is told to add the key again', async (_label, value, message) => {
    const secrets = new MemorySecretStore(value === null ? {} : { entries: [['identity:dev', value]] });
    const error = await loadIdentityKey(secrets, dev).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'keychain-item-changed', message: expect.stringMatching(message) });
    expect((error as Error).message).toContain('sts-tray identity add dev');
    expect((error as Error).message).not.toContain(SECRET);
  });

  it.each(['', 'short', 'has a space in it 0000000000', 'tab\tinside-00000000000000'])('rejects secret %j', (secret) => {
    expect(checkSecretAccessKey(secret)).not.toBeNull();
  });
});
