import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StsTrayError } from '../errors.js';
import type { FileStore } from '../ports.js';
import { MemoryFileStore } from '../testing/memory-file-store.js';
import { AwsProfileStore, type ProfileWrite } from './aws-profile-store.js';
import { findSection, parseIni, sectionValues } from './ini-document.js';
import { readAsJsSdk } from './js-sdk-view.js';
import { errorOf } from '../testing/error-of.js';

const PATHS = { credentials: '/home/me/.aws/credentials', config: '/home/me/.aws/config' };
const EXPIRES = Date.UTC(2026, 10, 22, 13, 5, 0);
const MARKER = (source = 'role tes') => `# managed by sts-tray (${source}) - this section is rewritten on every renewal`;

function entry(n: number, overrides: Partial<ProfileWrite> = {}): ProfileWrite {
  return {
    profile: 'tes',
    accessKeyId: `ASIAIOSFODNN7EXAMP${String(n).padStart(2, '0')}`,
    secretAccessKey: `fake-secret-${n}-wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY`,
    sessionToken: `fake-token-${n}-FQoGZXIvYXdzEXAMPLE//////////wEaDEXAMPLE=`,
    expiresAt: EXPIRES,
    source: 'role tes',
    ...overrides,
  };
}

/** The lines sts-tray writes for entry(n) in a new section. */
function ownSection(n: number, profile = 'tes', source = 'role tes'): string[] {
  const e = entry(n, { profile });
  return [
    `[${profile}]`,
    MARKER(source),
    `aws_access_key_id = ${e.accessKeyId}`,
    `aws_secret_access_key = ${e.secretAccessKey}`,
    `aws_session_token = ${e.sessionToken}`,
    'x_security_token_expires = 2026-11-22T13:05:00Z',
  ];
}

function setup(credentials?: string, config?: string) {
  const files = new MemoryFileStore();
  if (credentials !== undefined) files.setText(PATHS.credentials, credentials);
  if (config !== undefined) files.setText(PATHS.config, config);
  return { files, store: new AwsProfileStore(files, PATHS) };
}


function expectNoSecrets(message: string) {
  for (const secret of ['fake-secret', 'fake-token', 'wJalrXUtnFEMI']) expect(message).not.toContain(secret);
}

const FOREIGN = [
  '# my AWS setup — do not lose these comments',
  '; semicolon comment',
  '',
  '[default]',
  'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
  'aws_secret_access_key = fake-secret-default',
  '',
  '[profile x]',
  'aws_access_key_id = AKIAI44QH8DHBEXAMPLE',
  '',
  '[sso-session corp]',
  'sso_start_url = https://corp.awsapps.com/start',
  'sso_region = ap-northeast-1',
  '',
  '[DEFAULT]',
  'output = json',
  '',
  '[prd-repository]',
  'role_arn = arn:aws:iam::111111111111:role/prd-repository',
  'source_profile = default',
  's3 =',
  '    max_concurrent_requests = 20',
  '    multipart_threshold = 64MB',
  'unknown_key = kept',
  '  # indented comment',
  '',
].join('\n');

describe('write: every byte outside our section survives', () => {
  it('appends a new section after the foreign content, which stays byte for byte', async () => {
    const { files, store } = setup(FOREIGN);
    await store.write([entry(1)]);
    expect(files.text(PATHS.credentials)).toBe(`${FOREIGN}\n${ownSection(1).join('\n')}\n`);
  });

  it.each([
    ['CRLF with a final newline', 'x', '\r\n', true],
    ['CRLF without a final newline', 'x', '\r\n', false],
    ['LF without a final newline', 'x', '\n', false],
  ])('%s: our lines use the file\'s ending; a newline is added before the new section', async (_name, _x, eol, finalNewline) => {
    const original = ['[default]', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', '; c'].join(eol) + (finalNewline ? eol : '');
    const { files, store } = setup(original);
    await store.write([entry(1)]);
    const expected = `${original}${finalNewline ? '' : eol}${eol}${ownSection(1).join(eol)}${finalNewline ? eol : ''}`;
    expect(files.text(PATHS.credentials)).toBe(expected);
  });

  it('creates the file when it is missing', async () => {
    const { files, store } = setup();
    await store.write([entry(1)]);
    expect(files.text(PATHS.credentials)).toBe(`${ownSection(1).join('\n')}\n`);
  });

  it('rewrites only our lines when the section already exists in the middle of the file', async () => {
    const before = `[a]\nk = v\n\n${ownSection(1).join('\n')}\nregion = kept\n\n# about b\n[b]\nk = v\n`;
    const { files, store } = setup(before);
    await store.write([entry(2, { source: 'role tes-2' })]);
    const after = `[a]\nk = v\n\n${ownSection(2, 'tes', 'role tes-2').join('\n')}\nregion = kept\n\n# about b\n[b]\nk = v\n`;
    expect(files.text(PATHS.credentials)).toBe(after);
  });

  it('writes several profiles in one atomic replace', async () => {
    const { files, store } = setup(FOREIGN);
    await store.write([entry(1), entry(1, { profile: 'default-mirror' }), entry(1, { profile: 'stg' })]);
    expect(files.writes.filter((w) => w.path === PATHS.credentials)).toHaveLength(1);
    expect((await store.listOwned()).map((p) => p.profile)).toEqual(['tes', 'default-mirror', 'stg']);
  });

  it('does not write at all when nothing changes', async () => {
    const { files, store } = setup();
    await store.write([entry(1)]);
    await store.write([entry(1)]);
    expect(files.writes).toHaveLength(1);
  });

  it('keeps an 8 KB session token on one intact line', async () => {
    const token = `fake-token-${'A'.repeat(8192)}`;
    const { files, store } = setup(FOREIGN);
    await store.write([entry(1, { sessionToken: token })]);
    const lines = (files.text(PATHS.credentials) ?? '').split('\n');
    expect(lines).toContain(`aws_session_token = ${token}`);
  });
});

describe('write: our keys are replaced in place, never duplicated', () => {
  it.each([
    ['upper-case keys', 'AWS_ACCESS_KEY_ID = OLD', 'aws_access_key_id = NEW'],
    ['a colon delimiter', 'aws_access_key_id: OLD', 'aws_access_key_id = NEW'],
    ['no spaces', 'aws_access_key_id=OLD', 'aws_access_key_id = NEW'],
    ['indented keys', '  aws_access_key_id = OLD', '  aws_access_key_id = NEW'],
    ['a continued value', 'aws_access_key_id = OLD\n  more-old', 'aws_access_key_id = NEW'],
  ])('%s', async (_name, oldLine, newLine) => {
    const body = (key: string) => ['[tes]', MARKER(), key, 'region = kept', ''].join('\n');
    const { files, store } = setup(`[a]\nk = v\n\n${body(oldLine)}`);
    const e = entry(1);
    await store.write([{ ...e, accessKeyId: 'ASIAIOSFODNN7EXAMP01' }]);
    const text = files.text(PATHS.credentials) ?? '';
    const wanted = newLine.replace('NEW', 'ASIAIOSFODNN7EXAMP01');
    expect(text.startsWith(`[a]\nk = v\n\n[tes]\n${MARKER()}\n${wanted}\nregion = kept\naws_secret_access_key = `)).toBe(true);
    expect(text.toLowerCase().match(/aws_access_key_id/g)).toHaveLength(1);
    expect(text).not.toContain('OLD');
    expect(text).not.toContain('more-old');
  });

  it('adds missing keys after the section\'s last setting, before blank lines and comments that lead into the next section', async () => {
    const { files, store } = setup(`[tes]\n${MARKER()}\nregion = kept\n\n# next one\n[b]\n`);
    await store.write([entry(1)]);
    expect(files.text(PATHS.credentials)).toBe(`${ownSection(1).slice(0, 2).join('\n')}\nregion = kept\n${ownSection(1).slice(2).join('\n')}\n\n# next one\n[b]\n`);
  });

  it('refuses (and writes nothing) when the JS SDK would not read the replaced key', async () => {
    const tangled = ['[tes]', MARKER(), '  s3 =', '      max = 1', '  aws_access_key_id = OLD', ''].join('\n');
    const { files, store } = setup(tangled);
    const error = await errorOf(store.write([entry(1)]));
    expect(error.code).toBe('file-unsafe');
    expect(error.message).toMatch(/AWS SDK for JavaScript would not read the new aws_access_key_id/);
    expect(files.writes).toHaveLength(0);
  });
});

describe('write: refusals leave the file as it was', () => {
  it.each([
    ['a UTF-8 BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('[a]\n')]), /line 1: .*byte order mark/],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x5b, 0, 0x61, 0, 0x5d, 0]), /UTF-16/],
    ['invalid UTF-8', new Uint8Array([0x5b, 0x61, 0x5d, 0x0a, 0x23, 0xff, 0x0a]), /line 2: .*not valid UTF-8/],
    ['a lone CR', new TextEncoder().encode('[a]\nk = v\r[tes]\n'), /line 2: .*carriage return/],
    ['a duplicate section', new TextEncoder().encode('[a]\n[b]\n[a]\n'), /line 3: \[a\] appears a second time/],
    ['a duplicate key', new TextEncoder().encode('[a]\nk = 1\nK = 2\n'), /line 3: the key "k" appears a second time/],
  ])('%s', async (_name, bytes, message) => {
    const files = new MemoryFileStore();
    files.setBytes(PATHS.credentials, bytes);
    const error = await errorOf(new AwsProfileStore(files, PATHS).write([entry(1)]));
    expect(error.code).toBe('file-unsafe');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(PATHS.credentials);
    expect(files.writes).toHaveLength(0);
    expect(files.bytes(PATHS.credentials)).toEqual(bytes);
  });

  it('does not overwrite a section with our name that we do not own, and suggests a free name', async () => {
    const original = '[tes]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n[tes-sts]\n';
    const { files, store } = setup(original);
    const error = await errorOf(store.write([entry(1)]));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/\[tes\] already exists and was not written by sts-tray/);
    expect(error.message).toContain('"tes-sts-2"');
    expect(files.text(PATHS.credentials)).toBe(original);
  });

  it('treats a marker that is not the first line of the section as not ours', async () => {
    const { store } = setup(`[tes]\nregion = x\n${MARKER()}\n`);
    expect((await errorOf(store.write([entry(1)]))).code).toBe('conflict');
  });

  it.each([
    ['a space', 'my profile'],
    ['a closing bracket', 'tes]'],
    ['a newline', 'tes\n[prd]'],
    ['__proto__', '__proto__'],
    ['a character outside [A-Za-z0-9_.@+%:/-]', 'tés'],
    ['nothing', ''],
    ['DEFAULT (applies to every profile)', 'DEFAULT'],
  ])('rejects a profile name with %s before writing', async (_name, profile) => {
    const { files, store } = setup(FOREIGN);
    const error = await errorOf(store.write([entry(1, { profile })]));
    expect(error.code).toBe('validation');
    expect(files.writes).toHaveLength(0);
  });

  it.each([
    ['a newline in the secret', { secretAccessKey: 'fake-secret\nx = y' }, /secret access key .* contains a line break/],
    ['a CR in the token', { sessionToken: 'fake-token\r' }, /session token .* contains a line break/],
    ['a space in the token', { sessionToken: 'fake-token #x' }, /session token .* contains spaces/],
    ['a token that starts like a comment', { sessionToken: '#fake-token' }, /starts with # or ;/],
    ['an empty secret', { secretAccessKey: '' }, /secret access key .* is empty/],
    ['a bad access key id', { accessKeyId: 'asia-lower' }, /access key ID .* is not valid/],
    ['a bad region', { region: 'Tokyo' }, /region .* is not valid/],
    ['a bad expiry', { expiresAt: Number.NaN }, /expiry time/],
    ['a source with a colon', { source: 'role: tes' }, /source label/],
  ])('rejects %s before writing, without echoing it', async (_name, overrides, message) => {
    const { files, store } = setup(FOREIGN);
    const error = await errorOf(store.write([entry(1, overrides)]));
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(message);
    expectNoSecrets(error.message);
    expect(files.writes).toHaveLength(0);
  });

  it('rejects the same profile twice in one write', async () => {
    const { store } = setup();
    expect((await errorOf(store.write([entry(1), entry(2)]))).code).toBe('validation');
  });

  it('never quotes a secret from the file in its messages', async () => {
    const { store } = setup('[a]\nwJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY\n');
    expectNoSecrets((await errorOf(store.write([entry(1)]))).message);
  });
});

describe('write: region in the config file', () => {
  it('writes [profile NAME] with the marker, and [default] for the default profile', async () => {
    const { files, store } = setup(undefined, '[profile prd]\nregion = us-east-1\n');
    await store.write([entry(1, { region: 'ap-northeast-1' }), entry(1, { profile: 'default', region: 'us-west-2' })]);
    expect(files.text(PATHS.config)).toBe(
      `[profile prd]\nregion = us-east-1\n\n[profile tes]\n${MARKER()}\nregion = ap-northeast-1\n\n[default]\n${MARKER()}\nregion = us-west-2\n`,
    );
  });

  it('a renewal that keeps the region writes the credentials file only (the config file is not touched)', async () => {
    const { files, store } = setup(FOREIGN, '[profile prd]\nregion = us-east-1\n');
    await store.write([entry(1, { region: 'ap-northeast-1' })]);
    const config = files.text(PATHS.config);
    await store.write([entry(2, { region: 'ap-northeast-1' })]);
    await store.write([entry(3, { region: 'ap-northeast-1' })]);
    expect(files.writes.map((w) => w.path)).toEqual([PATHS.credentials, PATHS.config, PATHS.credentials, PATHS.credentials]);
    expect(files.text(PATHS.config)).toBe(config);
  });

  it('edits the config file again when another program changed it after sts-tray checked it', async () => {
    const files = new MemoryFileStore();
    files.setText(PATHS.config, '[profile prd]\nregion = us-east-1\n');
    // Another program appends to the config file while sts-tray writes the credentials file.
    const racing: FileStore = {
      read: (path) => files.read(path),
      async replace(path, bytes, expected) {
        if (path === PATHS.credentials) files.setText(PATHS.config, `${files.text(PATHS.config) ?? ''}[profile other]\nregion = eu-west-1\n`);
        return files.replace(path, bytes, expected);
      },
    };
    await new AwsProfileStore(racing, PATHS).write([entry(1, { region: 'ap-northeast-1' })]);
    expect(files.text(PATHS.config)).toBe(
      `[profile prd]\nregion = us-east-1\n[profile other]\nregion = eu-west-1\n\n[profile tes]\n${MARKER()}\nregion = ap-northeast-1\n`,
    );
  });

  it('leaves the config file alone when no entry has a region', async () => {
    const { files, store } = setup();
    await store.write([entry(1)]);
    expect(files.text(PATHS.config)).toBeNull();
  });

  it.each([
    ['a section of ours that is not marked', '[profile tes]\nregion = us-east-1\noutput = json\n'],
    ['another spelling of the same profile', '[profile "tes"]\nregion = us-east-1\n'],
  ])('refuses %s before changing the credentials file', async (_name, config) => {
    const { files, store } = setup(FOREIGN, config);
    const error = await errorOf(store.write([entry(1, { region: 'ap-northeast-1' })]));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain(PATHS.config);
    expect(files.writes).toHaveLength(0);
  });
});

describe('write: another program changes the file between our read and our replace', () => {
  it('re-reads, re-applies, and both changes survive', async () => {
    const { files, store } = setup(FOREIGN);
    files.interfere(PATHS.credentials, (current) => new TextEncoder().encode(`${new TextDecoder().decode(current ?? new Uint8Array())}[added-by-aws-configure]\nregion = x\n`));
    await store.write([entry(1)]);
    const text = files.text(PATHS.credentials) ?? '';
    expect(text).toBe(`${FOREIGN}[added-by-aws-configure]\nregion = x\n\n${ownSection(1).join('\n')}\n`);
  });

  it('gives up with a clear error after 5 tries, leaving the other program\'s version', async () => {
    const { files, store } = setup(FOREIGN);
    let round = 0;
    files.interfere(PATHS.credentials, () => new TextEncoder().encode(`[other]\nround = ${(round += 1)}\n`), 5);
    const error = await errorOf(store.write([entry(1)]));
    expect(error.code).toBe('file-io');
    expect(error.message).toMatch(/kept changing .* \(5 tries\)/);
    expect(files.text(PATHS.credentials)).toBe('[other]\nround = 5\n');
  });

  it('passes on the file store\'s notices', async () => {
    const { files, store } = setup(FOREIGN);
    files.notices = [`permissions of ${PATHS.credentials} tightened from 0644 to 0600`];
    expect((await store.write([entry(1)])).notices).toEqual(files.notices);
  });
});

describe('remove, removeAllOwned, listOwned', () => {
  it('remove gives back the original bytes and reports names we do not own', async () => {
    const { files, store } = setup(FOREIGN, '[profile prd]\nregion = us-east-1');
    await store.write([entry(1, { region: 'ap-northeast-1' })]);
    const report = await store.remove(['tes', 'default', 'never-existed']);
    expect(files.text(PATHS.credentials)).toBe(FOREIGN);
    expect(files.text(PATHS.config)).toBe('[profile prd]\nregion = us-east-1');
    expect(report.notices).toEqual([`${PATHS.credentials}: [default] is not managed by sts-tray, so it was left as it is.`]);
  });

  it('removeAllOwned removes every owned section in both files and nothing else', async () => {
    const { files, store } = setup(FOREIGN, '[profile prd]\nregion = us-east-1\n');
    await store.write([entry(1, { region: 'ap-northeast-1' }), entry(1, { profile: 'stg', region: 'ap-northeast-1' })]);
    await store.removeAllOwned();
    expect(files.text(PATHS.credentials)).toBe(FOREIGN);
    expect(files.text(PATHS.config)).toBe('[profile prd]\nregion = us-east-1\n');
  });

  it('listOwned reads back the source and the expiry', async () => {
    const { store } = setup(FOREIGN);
    await store.write([entry(1), entry(2, { profile: 'stg', source: 'role stg', expiresAt: EXPIRES + 1999 })]);
    expect(await store.listOwned()).toEqual([
      { profile: 'tes', source: 'role tes', expiresAt: EXPIRES },
      { profile: 'stg', source: 'role stg', expiresAt: EXPIRES + 1000 },
    ]);
  });

  it('listOwned gives a null expiry when the value is not a date', async () => {
    const { store } = setup(`[tes]\n${MARKER()}\nx_security_token_expires = soon\n`);
    expect(await store.listOwned()).toEqual([{ profile: 'tes', source: 'role tes', expiresAt: null }]);
  });

  it('does not count a marker copied by hand into a section we could never have written', async () => {
    const { files, store } = setup(`[my profile]\n${MARKER()}\n[DEFAULT]\n${MARKER()}\n`, `[profile x y]\n${MARKER()}\n`);
    expect(await store.listOwned()).toEqual([]);
    await store.removeAllOwned();
    expect(files.writes).toHaveLength(0);
  });

  it('a failing replace of the credentials file propagates, and the config file is left alone', async () => {
    const { files, store } = setup(FOREIGN);
    files.failNextReplace(PATHS.credentials, new StsTrayError('file-io', `${PATHS.credentials} could not be written: the disk is full.`));
    const error = await errorOf(store.write([entry(1, { region: 'ap-northeast-1' })]));
    expect(error.message).toMatch(/disk is full/);
    expect(files.text(PATHS.credentials)).toBe(FOREIGN);
    expect(files.text(PATHS.config)).toBeNull();
  });

  it('the marker carries no "=" or ":" so no reader can take it for a setting', () => {
    expect(MARKER()).not.toMatch(/[=:]/);
  });
});

describe('properties: any input either works or fails with a clear StsTrayError', () => {
  /** Strings built from the characters that matter to these parsers, so the fuzz reaches deep. */
  const iniish = fc
    .array(
      fc.constantFrom('[', ']', '=', ':', '#', ';', ' ', '\t', '\n', '\r\n', '\r', 'tes', 'a', 'K', 'aws_access_key_id', 's3', '\u00a0', '\u3000', '\ufeff', '\f', 'é', '\u0000', markerText()),
      { maxLength: 60 },
    )
    .map((parts) => parts.join(''));
  /** Files line by line from fragments that make sections, settings, our marker and near-misses. */
  const lineish = fc
    .tuple(
      fc.constantFrom(['[a]'], ['[tes]', MARKER()], ['[a]', 'k = v', '', '[tes]', MARKER(), 'aws_access_key_id = OLD']),
      fc.array(
        fc.constantFrom('[tes]', '[a]', '  [b]', '[tes] # c', '[a]#x', MARKER(), `  ${MARKER()}`, '# c', '; c', '', '  ', 'k = v', '  k: v', 'K = w',
          'aws_access_key_id = OLD', 'AWS_SESSION_TOKEN: old', '  aws_secret_access_key=old', 'x_security_token_expires = soon', 's3 =', '    max = 1',
          '  more', 'region = ap-northeast-1', 'junk', '= v', '[DEFAULT]'),
        { maxLength: 14 },
      ),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
    )
    .map(([start, lines, eol, final]) => [...start, ...lines].join(eol) + (final ? eol : ''));
  const inputs = fc.oneof(
    fc.uint8Array({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 200 }).map((s) => new TextEncoder().encode(s)),
    fc.oneof(iniish, lineish).map((s) => new TextEncoder().encode(s)),
  );

  function markerText() {
    return `\n${MARKER()}\n`;
  }

  it('write, remove and listOwned never throw anything else, and a successful write reads back', async () => {
    await fc.assert(
      fc.asyncProperty(inputs, async (bytes) => {
        const files = new MemoryFileStore();
        files.setBytes(PATHS.credentials, bytes);
        const store = new AwsProfileStore(files, PATHS);
        for (const action of [() => store.write([entry(1)]), () => store.listOwned(), () => store.remove(['tes'])]) {
          try {
            await action();
          } catch (error) {
            expect(error).toBeInstanceOf(StsTrayError);
            expectNoSecrets((error as StsTrayError).message);
            return;
          }
        }
      }),
      { numRuns: 1500 },
    );
  });

  it('whenever a write succeeds, botocore\'s rules and the JS SDK both read exactly our values', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(iniish, lineish), async (text) => {
        const { files, store } = setup(text);
        try {
          await store.write([entry(7)]);
        } catch (error) {
          expect(error).toBeInstanceOf(StsTrayError);
          return;
        }
        const written = files.text(PATHS.credentials) ?? '';
        const doc = parseIni(written, PATHS.credentials);
        const section = findSection(doc, 'tes');
        const values = section ? sectionValues(doc, section) : new Map<string, string>();
        expect(values.get('aws_secret_access_key')).toBe(entry(7).secretAccessKey);
        expect(readAsJsSdk(written).get('tes')?.get('aws_session_token')).toBe(entry(7).sessionToken);
      }),
      { numRuns: 1500 },
    );
  });

  it('for any file we accept that has no [tes], write then remove gives it back byte for byte', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(iniish, lineish), async (text) => {
        const { files, store } = setup(text);
        try {
          await store.write([entry(3)]);
        } catch (error) {
          expect(error).toBeInstanceOf(StsTrayError);
          return;
        }
        if (/\[\s*tes\s*\]/.test(text)) return; // a section of ours was already there
        await store.remove(['tes']);
        expect(files.text(PATHS.credentials)).toBe(text);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('write: profiles resolve the way botocore and the JS SDK resolve them', () => {
  it.each([
    ['[profile "tes"]', 3],
    ["[profile 'tes']", 3],
    ['[profile  tes]', 3],
    ['[profile tes ]', 3],
    ['[profiles tes]', 3],
  ])('%s in the config file is a conflict naming its line, with or without a region to write', async (header, line) => {
    for (const region of [undefined, 'ap-northeast-1']) {
      const { files, store } = setup(FOREIGN, `[profile prd]\nregion = us-east-1\n${header}\nrole_arn = arn:aws:iam::222222222222:role/tes-x\n`);
      const error = await errorOf(store.write([entry(1, { region })]));
      expect(error.code).toBe('conflict');
      expect(error.message).toContain(`${PATHS.config} line ${line}: ${header} is read by AWS tools as profile "tes"`);
      expect(files.writes).toHaveLength(0);
    }
  });

  it('names both lines when our own section is there too', async () => {
    const { store } = setup(undefined, `[profile tes]\n${MARKER()}\nregion = us-east-1\n[profile "tes"]\noutput = json\n`);
    const error = await errorOf(store.write([entry(1, { region: 'ap-northeast-1' })]));
    expect(error.message).toContain('line 4: [profile "tes"] is read by AWS tools as profile "tes", the same profile as [profile tes] on line 1');
  });

  it('[profile default] next to the [default] we write is a conflict', async () => {
    const { store } = setup(undefined, '[profile default]\noutput = json\n');
    const error = await errorOf(store.write([entry(1, { profile: 'default', region: 'ap-northeast-1' })]));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('line 1: [profile default] is read by AWS tools as profile "default"');
  });

  it.each([
    ['credentials', 'role_arn = arn:aws:iam::222222222222:role/x'],
    ['credentials', 'aws_session_token = fake-token-shared'],
    ['credentials', 'AWS_SECURITY_TOKEN = fake-token-shared'],
    ['config', 'source_profile = hub'],
    ['config', 'credential_process = /bin/true'],
    ['config', 'credential_source = Ec2InstanceMetadata'],
    ['config', 'sso_start_url = https://example.invalid/start'],
    ['config', 'web_identity_token_file = /tmp/token'],
  ] as const)('[DEFAULT] with "%s" %s: refused naming the line, nothing written', async (file, line) => {
    const text = `[default]\nregion = us-east-1\n\n[DEFAULT]\n${line}\n`;
    const { files, store } = file === 'credentials' ? setup(text) : setup(FOREIGN, text);
    const error = await errorOf(store.write([entry(1)]));
    expect(error.code).toBe('file-unsafe');
    expect(error.message).toContain(`${file === 'credentials' ? PATHS.credentials : PATHS.config} line 5: [DEFAULT] sets ${line.split(' ')[0]?.toLowerCase()}`);
    expectNoSecrets(error.message);
    expect(files.writes).toHaveLength(0);
  });

  it('[DEFAULT] with harmless keys (output, region) does not stop a write', async () => {
    const { files, store } = setup('[DEFAULT]\noutput = json\n', '[DEFAULT]\nregion = eu-west-1\n');
    await store.write([entry(1, { region: 'ap-northeast-1' })]);
    expect(files.writes).toHaveLength(2);
  });

  it.each(['[__proto__]', '[profile __proto__]'])('%s (the JS SDK throws on it and reads the file as empty) refuses the file in either place', async (header) => {
    for (const [credentials, config] of [[`${header}\nk = v\n`, undefined], [FOREIGN, `[profile prd]\nregion = us-east-1\n${header}\nk = v\n`]] as const) {
      const { files, store } = setup(credentials, config);
      const error = await errorOf(store.write([entry(1)]));
      expect(error.code).toBe('file-unsafe');
      expect(error.message).toMatch(/line [13]: the AWS SDK for JavaScript refuses the section name/);
      expect(files.writes).toHaveLength(0);
    }
  });

  it.each([
    ['a "= value" line', '[profile prd]\n= value\n', 2],
    ['an empty [] header', '[profile prd]\nregion = us-east-1\n[]\n', 3],
    ['a lone CR', '[profile prd]\rregion = us-east-1\n', 1],
  ])('a config file with %s refuses every write, region or not', async (_name, config, line) => {
    for (const region of [undefined, 'ap-northeast-1']) {
      const { files, store } = setup(FOREIGN, config);
      const error = await errorOf(store.write([entry(1, { region })]));
      expect(error.code).toBe('file-unsafe');
      expect(error.message).toContain(`${PATHS.config} line ${line}`);
      expect(files.writes).toHaveLength(0);
    }
  });
});
