// Guards that the store's work grows linearly with the file, without timing anything: parseIni
// is wrapped to count the lines it parses and every read of a parsed document's lines and
// sections (the loops where quadratic work would hide). Doubling the file must about double
// the count; writing many profiles at once must not re-parse the file per profile.

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { MemoryFileStore } from '../testing/memory-file-store.js';
import { AwsProfileStore, type ProfileWrite } from './aws-profile-store.js';
import type * as IniDocumentModule from './ini-document.js';
import { markerLine } from './owned-section.js';

const work = vi.hoisted(() => ({ parses: 0, parsedLines: 0, reads: 0 }));

vi.mock('./ini-document.js', async (importOriginal) => {
  const real = await importOriginal<typeof IniDocumentModule>();
  const counted = <T extends object>(items: readonly T[]): readonly T[] =>
    new Proxy(items, {
      get(target, key, receiver) {
        if (typeof key === 'string' && key !== 'length' && Number.isInteger(Number(key))) work.reads += 1;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
  return {
    ...real,
    parseIni(text: string, file: string) {
      const doc = real.parseIni(text, file);
      work.parses += 1;
      work.parsedLines += doc.lines.length;
      return { ...doc, lines: counted(doc.lines), sections: counted(doc.sections) };
    },
  };
});

const PATHS = { credentials: '/home/me/.aws/credentials', config: '/home/me/.aws/config' };

function foreign(count: number, prefix = ''): string {
  return Array.from(
    { length: count },
    (_, i) => `# profile ${i}\n[${prefix}p${i}]\naws_access_key_id = AKIAFAKEBIG${String(i).padStart(9, '0')}\naws_secret_access_key = fake-secret-${i}\n`,
  ).join('\n');
}

function owned(count: number, prefix = ''): string {
  return Array.from({ length: count }, (_, i) => `\n[${prefix}own${i}]\n${markerLine('role own')}\naws_access_key_id = ASIAFAKEOWN${String(i).padStart(9, '0')}\n`).join('');
}

function entry(profile: string, n: number, region?: string): ProfileWrite {
  return {
    profile,
    accessKeyId: `ASIAFAKEBENCH${String(n).padStart(7, '0')}`,
    secretAccessKey: `fake-secret-${n}`,
    sessionToken: `fake-token-${n}`,
    expiresAt: Date.UTC(2026, 10, 22, 13, 5, 0),
    source: 'role stg',
    region,
  };
}

/** A call on the store; `n` is the number of profiles in the file. */
type Call = (store: AwsProfileStore, n: number) => Promise<unknown>;

interface Measured {
  readonly parses: number;
  readonly parsedLines: number;
  readonly reads: number;
}

/** The work one call does on a store already holding `credentials` (and `config`). */
async function measure(credentials: string, config: string | null, call: Call, n = 0): Promise<Measured> {
  const files = new MemoryFileStore();
  files.setText(PATHS.credentials, credentials);
  if (config !== null) files.setText(PATHS.config, config);
  const store = new AwsProfileStore(files, PATHS);
  work.parses = 0;
  work.parsedLines = 0;
  work.reads = 0;
  await call(store, n);
  return { ...work };
}

const total = (m: Measured) => m.parsedLines + m.reads;

beforeEach(() => {
  work.parses = 0;
});

describe('the store does linear work in the size of the file', () => {
  const cases: [string, (n: number) => [string, string | null], Call][] = [
    ['updating one profile', (n) => [`${foreign(n)}${owned(1, 'stg-')}`, null], (s) => s.write([entry('stg-own0', 1)])],
    ['adding one profile with its region', (n) => [foreign(n), foreign(n, 'profile ')], (s) => s.write([entry('stg', 1, 'ap-northeast-1')])],
    ['writing 40 profiles in one wave', (n) => [`${foreign(n)}${owned(20)}`, null], (s) => s.write(Array.from({ length: 40 }, (_, i) => entry(`own${i}`, i)))],
    ['listing owned profiles', (n) => [`${foreign(n / 2)}${owned(n / 2)}`, null], (s) => s.listOwned()],
    ['removing every owned profile', (n) => [`${foreign(n / 2)}${owned(n / 2)}`, owned(n / 2, 'profile ')], (s) => s.removeAllOwned()],
    ['removing named profiles', (n) => [`${foreign(n / 2)}${owned(n / 2)}`, null], (s, n) => s.remove(Array.from({ length: n / 2 }, (_, i) => `own${i}`))],
  ];

  it.each(cases)('%s: twice the profiles, about twice the work (not four times)', async (_name, files, call) => {
    const small = await measure(...files(1000), call, 1000);
    const large = await measure(...files(2000), call, 2000);
    expect(small.parsedLines).toBeGreaterThan(0);
    expect(total(large) / total(small)).toBeLessThan(2.5);
  });

  it('writing 40 profiles at once parses each file as often as writing one does', async () => {
    const one = await measure(`${foreign(500)}${owned(40)}`, owned(40, 'profile '), (s) => s.write([entry('own0', 1, 'ap-northeast-1')]));
    const wave = await measure(`${foreign(500)}${owned(40)}`, owned(40, 'profile '), (s) =>
      s.write(Array.from({ length: 40 }, (_, i) => entry(`own${i}`, i + 1, 'ap-northeast-1'))),
    );
    expect(wave.parses).toBe(one.parses);
    expect(total(wave) / total(one)).toBeLessThan(1.5);
  });
});

describe('each file is parsed once to edit it and once to verify the result', () => {
  it.each([
    ['a new profile, no region: the config file read and checked once, not written', null, [entry('stg', 1)], 3],
    ['a new profile with its region: both files, the config file not edited twice', null, [entry('stg', 1, 'ap-northeast-1')], 4],
    // The config file already holds this region: read and edited once, found unchanged, not written.
    ['the same region again', `[profile stg]\n${markerLine('role stg')}\nregion = ap-northeast-1\n`, [entry('stg', 2, 'ap-northeast-1')], 3],
  ])('%s', async (_name, config, entries, parses) => {
    const measured = await measure(foreign(10), config, (s) => s.write(entries));
    expect(measured.parses).toBe(parses);
  });
});
