// Our reading of the shared files against the real readers, on generated files: botocore's own
// loader from Debian's AWS CLI v2 (awscli.botocore.configloader.raw_config_parse) and the JS
// SDK's loader (@smithy/core, what @aws-sdk/client-sts runs). Whatever we accept, botocore must
// accept with the same values; whatever botocore rejects, we must reject; after our write both
// read our keys exactly and every other section unchanged.

import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsProfileStore } from '../../electron/core/credentials-file/aws-profile-store.js';
import { readAsJsSdk } from '../../electron/core/credentials-file/js-sdk-view.js';
import { StsTrayError } from '../../electron/core/errors.js';
import { foreignIniFile } from '../../electron/core/testing/foreign-ini-arbitrary.js';
import { MemoryFileStore } from '../../electron/core/testing/memory-file-store.js';
import { runAwsCliPython } from '../rig/botocore.js';
import { ourBotocoreView, ourParse, type Parsed } from './our-botocore-view.js';

type BotocoreResult = { ok: true; sections: Parsed } | { ok: false; error: string };

/** Our own driver of botocore's loader: one process for the whole batch. */
const BOTOCORE_BATCH = `
import json, os, sys, tempfile
from awscli.botocore.configloader import raw_config_parse
texts = json.load(sys.stdin)
path = os.path.join(tempfile.mkdtemp(), 'credentials')
results = []
for text in texts:
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(text)
    try:
        results.append({'ok': True, 'sections': raw_config_parse(path)})
    except Exception as e:
        results.append({'ok': False, 'error': type(e).__name__})
json.dump(results, sys.stdout)
`;

function botocoreRead(texts: readonly string[]): BotocoreResult[] {
  return runAwsCliPython<BotocoreResult[]>(BOTOCORE_BATCH, texts);
}

const lineFuzz = fc
  .tuple(
    fc.constantFrom(['[a]'], ['[tes]'], [], ['# top']),
    fc.array(
      fc.constantFrom('[a]', '[b]', '  [c]', '[d] # c', '[e]#x', '[f] x', '[g]]', '[]', '[ h ]', '[DEFAULT]', '# c', '; c', '  # c', '', '  ', '\t',
        'k = v', '  k: v', 'K = w', 'k2=v', 'k3 :', '  x = 1', '    y = 2', 'more text', '  more text', 's3 =', 'region = ap-northeast-1 # tokyo',
        'aws_access_key_id = AKIA', '= v', ': v', 'a = b = c', 'é = ü', '\u3000k = v', 'k =\u00a0v'),
      { maxLength: 16 },
    ),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(([start, lines, eol, final]) => [...start, ...lines].join(eol) + (final ? eol : ''));

const entry = {
  profile: 'tes',
  accessKeyId: 'ASIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'fake-secret-wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  sessionToken: 'fake-token-FQoGZXIvYXdzEXAMPLE//////////wEaDEXAMPLE==',
  expiresAt: Date.UTC(2026, 10, 22, 13, 5),
  source: 'role tes',
};

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(join(tmpdir(), 'sts-tray-parity-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

async function sdkRead(text: string, n: number) {
  const path = join(dir, `credentials-${n}`);
  await fsp.writeFile(path, text);
  return (await loadSharedConfigFiles({ filepath: path, configFilepath: join(dir, 'none'), ignoreCache: true })).credentialsFile;
}

describe('reader parity on generated files', () => {
  const seed = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
  const texts = [
    ...fc.sample(foreignIniFile(), { numRuns: 400, seed }).map((f) => f.text),
    ...fc.sample(lineFuzz, { numRuns: 800, seed }),
  ];

  it(`botocore accepts what we accept, with the same values (seed ${seed})`, async () => {
    const results = botocoreRead(texts);
    let agreedRefusals = 0;
    let stricter = 0;
    texts.forEach((text, i) => {
      const ours = ourParse(text);
      const theirs = results[i];
      if (ours instanceof StsTrayError) {
        if (theirs?.ok) stricter += 1;
        else agreedRefusals += 1;
        return;
      }
      expect(theirs, `botocore refused a file we accept: ${JSON.stringify(text)}`).toMatchObject({ ok: true });
      if (theirs?.ok) expect(ourBotocoreView(ours), JSON.stringify(text)).toEqual(theirs.sections);
    });
    // Every generated foreign file is one both accept.
    texts.slice(0, 400).forEach((text) => expect(ourParse(text)).not.toBeInstanceOf(StsTrayError));
    console.info(`reader parity: ${texts.length} files; both refused ${agreedRefusals}; only we refused ${stricter} (ambiguous for the JS SDK or invisible characters)`);
  });

  it('the JS SDK reads every file we accept the way our model of it does', async () => {
    let n = 0;
    for (const text of texts) {
      if (ourParse(text) instanceof StsTrayError) continue;
      const ours = Object.fromEntries([...readAsJsSdk(text)].map(([k, v]) => [k, Object.fromEntries(v)]));
      expect(await sdkRead(text, (n += 1)), JSON.stringify(text)).toEqual(ours);
    }
  });

  it('after our write both readers see our keys exactly and every other section unchanged', async () => {
    const written: { before: string; after: string }[] = [];
    for (const text of texts) {
      const files = new MemoryFileStore();
      files.setText('/c', text);
      try {
        await new AwsProfileStore(files, { credentials: '/c', config: '/g' }).write([entry]);
      } catch (error) {
        expect(error).toBeInstanceOf(StsTrayError);
        continue;
      }
      written.push({ before: text, after: files.text('/c') ?? '' });
    }
    expect(written.length).toBeGreaterThan(400);
    const results = botocoreRead(written.map((w) => w.after));
    const ourKeys = { aws_access_key_id: entry.accessKeyId, aws_secret_access_key: entry.secretAccessKey, aws_session_token: entry.sessionToken, x_security_token_expires: '2026-11-22T13:05:00Z' };
    for (const [i, { before, after }] of written.entries()) {
      const result = results[i];
      expect(result, JSON.stringify(after)).toMatchObject({ ok: true });
      if (!result?.ok) continue;
      const { tes, ...others } = result.sections;
      expect(tes).toMatchObject(ourKeys);
      const beforeDoc = ourParse(before);
      if (!(beforeDoc instanceof StsTrayError)) {
        const { tes: _old, ...othersBefore } = ourBotocoreView(beforeDoc);
        expect(others, JSON.stringify(after)).toEqual(othersBefore);
      }
      expect((await sdkRead(after, i + 100_000)).tes).toMatchObject(ourKeys);
    }
  });
});

describe('reader parity on a large file written in one wave', () => {
  it('40 profiles written at once into 1,000 foreign ones: both readers see ours exactly and the rest unchanged; removing them gives the bytes back', async () => {
    const foreign = Array.from({ length: 1000 }, (_, i) =>
      `# profile ${i}\r\n[p${i}]\r\naws_access_key_id = AKIAFAKEBIG${String(i).padStart(9, '0')}\r\naws_secret_access_key = fake-secret-${i}\r\n${i % 7 === 0 ? 's3 =\r\n    max_concurrent_requests = 20\r\n' : ''}`,
    ).join('\r\n');
    const files = new MemoryFileStore();
    files.setText('/c', foreign);
    const store = new AwsProfileStore(files, { credentials: '/c', config: '/g' });
    const wave = (n: number) =>
      Array.from({ length: 40 }, (_, i) => ({ ...entry, profile: `role-${i}`, accessKeyId: `ASIAIOSFODNN7EXAMP${String(n).padStart(2, '0')}` }));
    await store.write(wave(1));
    await store.write(wave(2)); // the second wave rewrites the sections the first one added
    const after = files.text('/c') ?? '';
    expect(files.writes).toHaveLength(2);

    const [result] = botocoreRead([after]);
    expect(result).toMatchObject({ ok: true });
    if (!result?.ok) return;
    const sdk = await sdkRead(after, 200_000);
    const foreignDoc = ourParse(foreign);
    if (foreignDoc instanceof StsTrayError) throw foreignDoc;
    const foreignView = ourBotocoreView(foreignDoc);
    for (let i = 0; i < 40; i += 1) {
      const ours = { aws_access_key_id: 'ASIAIOSFODNN7EXAMP02', aws_secret_access_key: entry.secretAccessKey, aws_session_token: entry.sessionToken };
      expect(result.sections[`role-${i}`]).toMatchObject(ours);
      expect(sdk[`role-${i}`]).toMatchObject(ours);
    }
    for (const [name, values] of Object.entries(foreignView)) expect(result.sections[name], name).toEqual(values);
    expect(Object.keys(result.sections)).toHaveLength(1040);

    await store.removeAllOwned();
    expect(files.text('/c')).toBe(foreign);
  });
});
