// kill -9 at random moments while a child process renews profiles in a file that also holds
// 20 foreign profiles and comments: after every kill the file must parse, every foreign byte
// must be where it was, and our two profiles must carry one complete generation of values
// (the old one or a newer one, never a mix); the next writer must clean up what a kill left.

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeFileStore } from '../../electron/adapters/node-file-store.js';
import { AwsProfileStore } from '../../electron/core/credentials-file/aws-profile-store.js';
import { decodeText } from '../../electron/core/credentials-file/decode-text.js';
import { type IniDocument, findSection, parseIni, sectionValues } from '../../electron/core/credentials-file/ini-document.js';
import { joinLines } from '../../electron/core/credentials-file/text-lines.js';
import { debianAwsCli } from '../rig/aws-cli.js';
import { generationWrite } from './crash-writer.js';
import { transpileForNode } from './transpile-for-node.js';

const ROOT = resolve(import.meta.dirname, '../..');
const KILLS = 200;
const OURS = ['tes', 'stg'];

function foreignProfiles(from: number, to: number): string {
  const blocks: string[] = [];
  for (let i = from; i < to; i += 1) {
    const style = i % 4;
    blocks.push(
      [
        i % 3 === 0 ? `# account ${i}: 本番 — keep this comment` : `; profile ${i}`,
        style === 1 ? `[profile p${i}]` : `[p${i}]`,
        style === 2 ? `AWS_ACCESS_KEY_ID: AKIAIOSFODNN7EXAM${String(i).padStart(3, '0')}` : `aws_access_key_id = AKIAIOSFODNN7EXAM${String(i).padStart(3, '0')}`,
        `aws_secret_access_key=fake-secret-foreign-${i}`,
        ...(style === 3 ? ['s3 =', '    max_concurrent_requests = 20', '    multipart_threshold = 64MB'] : []),
        `  # indented note ${i}`,
        '',
      ].join('\n'),
    );
  }
  return blocks.join('\n');
}

/** Bytes of every section that is not ours, and of the lines before the first section. */
function foreignRegions(doc: IniDocument): Map<string, string> {
  const regions = new Map<string, string>([['(preamble)', joinLines(doc.lines.slice(0, doc.sections[0]?.header ?? doc.lines.length))]]);
  for (const section of doc.sections) {
    if (!OURS.includes(section.name) && !OURS.map((p) => `profile ${p}`).includes(section.name)) {
      regions.set(section.name, joinLines(doc.lines.slice(section.header, section.end)));
    }
  }
  return regions;
}

/** The generation all our values in the credentials file belong to; fails on any mix. */
function ourGeneration(doc: IniDocument): number {
  const generations = OURS.map((profile) => {
    const section = findSection(doc, profile);
    if (!section) throw new Error(`[${profile}] is missing`);
    const values = sectionValues(doc, section);
    const n = Number((values.get('aws_secret_access_key') ?? '').replace('fake-secret-', ''));
    const expected = generationWrite(profile, n);
    expect(values.get('aws_access_key_id')).toBe(expected.accessKeyId);
    expect(values.get('aws_session_token')).toBe(expected.sessionToken);
    expect(values.get('x_security_token_expires')).toBe(new Date(expected.expiresAt).toISOString().replace('.000Z', 'Z'));
    return n;
  });
  expect(new Set(generations).size, 'tes and stg come from different writes').toBe(1);
  return generations[0] ?? -1;
}

/** Resolves when the writer has printed `line` ("ready", "wrote"). */
function waitForLine(child: ChildProcess, line: string): Promise<void> {
  return new Promise((seen, fail) => {
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString();
      if (!stdout.split('\n').includes(line)) return;
      child.stdout?.off('data', onData);
      seen();
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) => {
      if (signal !== 'SIGKILL') fail(new Error(`writer exited (${code ?? signal}) before it said "${line}": ${stderr}`));
    });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('kill -9 during writes of the credentials file', () => {
  let dir: string;
  let credentials: string;
  let config: string;

  beforeAll(async () => {
    dir = await fsp.mkdtemp(join(tmpdir(), 'sts-tray-crash-'));
    credentials = join(dir, '.aws', 'credentials');
    config = join(dir, '.aws', 'config');
  });

  afterAll(async () => {
    await fsp.rm(dir, { recursive: true, force: true });
  });

  it(`keeps the file whole across ${KILLS} kills`, async () => {
    const script = transpileForNode(join(ROOT, 'e2e/credentials-file/crash-writer.ts'), ROOT, join(dir, 'js'));
    await fsp.mkdir(join(dir, '.aws'), { recursive: true });
    await fsp.writeFile(credentials, `# team credentials — do not lose\n\n${foreignProfiles(0, 10)}`);
    await fsp.writeFile(config, '[default]\nregion = us-east-1\noutput = json\n\n[profile p1]\nregion = eu-west-1\n');
    const inProcess = new AwsProfileStore(new NodeFileStore(), { credentials, config });
    await inProcess.write(OURS.map((p) => generationWrite(p, 0)));
    await fsp.appendFile(credentials, `\n${foreignProfiles(10, 20)}`); // ours now sit in the middle

    const read = async (path: string) => parseIni(decodeText(new Uint8Array(await fsp.readFile(path)), path), path);
    const foreign = foreignRegions(await read(credentials));
    const foreignConfig = foreignRegions(await read(config));
    expect(foreign.size).toBe(21);

    let generation = 0;
    let advanced = 0;
    let leftAfterKill = 0;
    const started = Date.now();
    const startWriter = (kill: number) => {
      const child = spawn(process.execPath, [script, credentials, config, String(kill * 1_000_000)], { stdio: ['pipe', 'pipe', 'pipe'] });
      return {
        child,
        first: kill * 1_000_000,
        ready: waitForLine(child, 'ready'),
        wrote: waitForLine(child, 'wrote'),
        /** The signal that ended the writer: SIGKILL (ours) unless it crashed on its own. */
        exited: new Promise<NodeJS.Signals | null>((done) => child.once('exit', (_code, signal) => done(signal))),
      };
    };
    let next = startWriter(1);
    for (let kill = 1; kill <= KILLS; kill += 1) {
      // The next writer loads while this one runs; it only starts writing when told to.
      const { child, first, ready, wrote, exited } = next;
      await ready;
      if (kill < KILLS) next = startWriter(kill + 1);
      child.stdin?.write('go\n');
      // Every other kill comes after a finished write, so generations advance however slow the
      // machine is; the others may land anywhere, the first write's middle included.
      // (A writer that dies before "wrote" rejects it; the exit check below reports that.)
      if (kill % 2 === 0) await wrote;
      else wrote.catch(() => {});
      await sleep(Math.random() * 60);
      child.kill('SIGKILL');
      expect(await exited, 'the writer ended by our kill, not by a crash of its own').toBe('SIGKILL');

      const doc = await read(credentials);
      expect(foreignRegions(doc)).toEqual(foreign);
      const now = ourGeneration(doc);
      expect(now === generation || now >= first, `generation went from ${generation} to ${now}`).toBe(true);
      if (now !== generation) advanced += 1;
      generation = now;
      expect(foreignRegions(await read(config))).toEqual(foreignConfig);

      const leftovers = (await fsp.readdir(join(dir, '.aws'))).filter((n) => n.startsWith('.'));
      if (leftovers.length > 0) leftAfterKill += 1;
      // What a kill leaves is cleaned by the next write: never an accumulation.
      expect(leftovers.filter((n) => n.endsWith('.tmp')).length).toBeLessThanOrEqual(2);
    }
    const seconds = (Date.now() - started) / 1000;

    await inProcess.write(OURS.map((p) => generationWrite(p, generation + 1)));
    expect((await fsp.readdir(join(dir, '.aws'))).sort()).toEqual(['config', 'credentials']);
    expect(ourGeneration(await read(credentials))).toBe(generation + 1);

    const env = { PATH: process.env.PATH ?? '', HOME: dir, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: config, AWS_PAGER: '' };
    const profiles = execFileSync(debianAwsCli(), ['configure', 'list-profiles'], { env, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(profiles).toEqual(expect.arrayContaining(['tes', 'stg', 'default', ...Array.from({ length: 20 }, (_, i) => (i % 4 === 1 ? `profile p${i}` : `p${i}`))]));
    const keyId = execFileSync(debianAwsCli(), ['configure', 'get', 'aws_access_key_id', '--profile', 'tes'], { env, encoding: 'utf8' }).trim();
    expect(keyId).toBe(generationWrite('tes', generation + 1).accessKeyId);

    console.info(`crash test: ${KILLS} kills in ${seconds.toFixed(1)} s; our profiles advanced after ${advanced} of them; a temp or lock file was left by ${leftAfterKill} kills and cleaned by the next write`);
    expect(advanced).toBeGreaterThanOrEqual(KILLS / 2);
  }, 150_000);
});
