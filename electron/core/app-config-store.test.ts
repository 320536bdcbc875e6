import { describe, expect, it } from 'vitest';
import { AppConfigStore } from './app-config-store.js';
import { MemoryFileStore } from './testing/memory-file-store.js';

const PATH = '/home/u/.config/sts-tray/config.json';
const identity = { name: 'dev', accessKeyId: 'AKIAFAKEFAKEFAKE0001' };

describe('AppConfigStore', () => {
  it('starts empty when there is no file, and saves versioned JSON', async () => {
    const files = new MemoryFileStore();
    const store = new AppConfigStore(files, PATH);
    expect((await store.load()).identities).toEqual([]);
    await store.update((c) => ({ ...c, identities: [{ ...identity, region: 'ap-northeast-1', mfaSessionSeconds: 43_200 }] }));
    const saved = JSON.parse(files.text(PATH) ?? '');
    expect(saved).toMatchObject({ version: 1, identities: [{ name: 'dev' }], preferences: { renewalLeadSeconds: 300 } });
  });

  it.each([
    ['not JSON', '{ "version": 1,', /config\.json: is not valid JSON/],
    ['a newer version', '{ "version": 2 }', /written by a newer sts-tray/],
    ['a bad field', JSON.stringify({ version: 1, identities: [{ name: 'dev', accessKeyId: 'nope' }] }), /identities\.0\.accessKeyId: an access key ID/],
    ['a role with no identity', JSON.stringify({ version: 1, roles: [{ name: 'r', identity: 'x', roleArn: 'arn:aws:iam::222222222222:role/r' }] }), /uses identity "x", which does not exist/],
    ['a secret someone added', JSON.stringify({ version: 1, identities: [{ ...identity, secretAccessKey: 'fake' }] }), /secretAccessKey/],
  ])('a file with %s is reported with its path and never reset', async (_label, text, message) => {
    const files = new MemoryFileStore();
    files.setText(PATH, text);
    const store = new AppConfigStore(files, PATH);
    await expect(store.load()).rejects.toMatchObject({ code: 'config-invalid', message: expect.stringMatching(message) });
    await expect(store.update((c) => c)).rejects.toMatchObject({ code: 'config-invalid' });
    expect(files.text(PATH)).toBe(text);
  });

  it('refuses to save an invalid config and keeps the file', async () => {
    const files = new MemoryFileStore();
    const store = new AppConfigStore(files, PATH);
    await expect(
      store.update((c) => ({ ...c, roles: [{ name: 'r', env: 'tes', identity: 'ghost', roleArn: 'arn:aws:iam::222222222222:role/r', durationSeconds: 3600, mfa: false, mirrorDefault: false }] })),
    ).rejects.toMatchObject({ code: 'validation' });
    expect(files.text(PATH)).toBeNull();
  });
});
