// A differential run of generated credentials and config files through our reader and the
// real ones: the botocore Debian's AWS CLI v2 runs (awscli.botocore) and the JS SDK's
// loader. Each file mixes comments, CRLF, quoting, odd spacing, unicode, [DEFAULT] and
// look-alike profile names, and gets at most one injected defect. Both sides must agree on
// accept/refuse, and on an accepted file on the sections, keys and values, and on which
// profile each config section names.

import { promises as fsp } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { botocoreProfileName, shlexSplit } from '../../electron/core/credentials-file/botocore-profile-name.js';
import { DEFAULT_SECTION, type IniDocument } from '../../electron/core/credentials-file/ini-document.js';
import { StsTrayError } from '../../electron/core/errors.js';
import { seededRandom } from '../../electron/core/testing/seeded-random.js';
import { runAwsCliPython } from '../rig/botocore.js';
import { ourBotocoreView, ourParse, type Parsed } from './our-botocore-view.js';

type BotocoreResult = { ok: true; sections: Parsed; profiles: string[] } | { ok: false; error: string };

/** The botocore Debian's AWS CLI v2 runs (bundled in awscli): raw parse, then its profile map. */
const BOTOCORE_BATCH = `
import json, os, sys, tempfile
from awscli.botocore.configloader import raw_config_parse, build_profile_map
texts = json.load(sys.stdin)
path = os.path.join(tempfile.mkdtemp(), 'config')
out = []
for text in texts:
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write(text)
    try:
        raw = raw_config_parse(path)
        out.append({'ok': True, 'sections': raw, 'profiles': sorted(build_profile_map(raw)['profiles'].keys())})
    except Exception as e:
        out.append({'ok': False, 'error': type(e).__name__})
json.dump(out, sys.stdout)
`;

function botocoreRead(texts: readonly string[]): BotocoreResult[] {
  return runAwsCliPython<BotocoreResult[]>(BOTOCORE_BATCH, texts);
}

function pythonShlex(texts: readonly string[]): (string[] | null)[] {
  const script = 'import json, shlex, sys\nout = []\nfor t in json.load(sys.stdin):\n    try: out.append(shlex.split(t))\n    except ValueError: out.append(None)\njson.dump(out, sys.stdout)';
  return runAwsCliPython<(string[] | null)[]>(script, texts);
}

// ---- the seeded generator ---------------------------------------------------------------

type Random = () => number;
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;

const PROFILE_WORDS = ['tes', 'stg', 'prd', 'tes-repository', 'prd-repository', 'hub', 'dev.user', 'テスト', 'a+b'];
/** Headers as people and tools write them, look-alikes of one another included. */
const HEADERS = (w: string) => [
  `profile ${w}`, `profile "${w}"`, `profile '${w}'`, `profile  ${w}`, `profile ${w} `, `profiles ${w}`, `profile\t${w}`,
  w, 'default', 'profile default', `sso-session ${w}`, `services ${w}`, `profile "${w} x"`, `profile ${w} x`,
];
const KEYS = ['aws_access_key_id', 'AWS_Secret_Access_Key', 'region', 'output', 'role_arn', 'source_profile', 'mfa_serial', 'external_id', 'duration_seconds', 'role_session_name', 'sso_start_url', 'cli_pager', 'メモ'];
const VALUES = ['AKIAFAKEFAKEFAKE0001', 'fake-secret-wJalrXUtnFEMI', 'ap-northeast-1', 'json', 'arn:aws:iam::222222222222:role/tes-deployer', 'hub', 'テスト環境', 'a # not a comment', 'x;y', '"quoted"', "'single'", ''];
const COMMENTS = ['# a comment', '; semicolon', '  # indented', '# [profile looks-like-a-header]', '# 本番アカウント', '#'];
const SPACES = ['', ' ', '  ', '\t'];
const DELIMS = [' = ', '=', ' =', ': ', ' : '];

/** One defect each: most make botocore refuse the file, the rest make botocore and the JS SDK read it differently. */
const DEFECTS: readonly ((lines: string[], r: Random) => void)[] = [
  (l, r) => l.splice(1 + Math.floor(r() * l.length), 0, '= value'),
  (l, r) => l.splice(1 + Math.floor(r() * l.length), 0, '[]'),
  (l) => l.splice(0, 0, 'region = us-east-1'), // a setting before the first header
  (l, r) => l.splice(1 + Math.floor(r() * l.length), 0, 'just some words'),
  (l) => l.push('[dup]', 'k = 1', '[dup]', 'k = 2'),
  (l) => l.push('[dupkey]', 'k = 1', 'K = 2'),
  (l) => l.push('[__proto__]', 'k = v'),
  (l) => l.push('[profile __proto__]', 'k = v'),
  (l, r) => {
    const at = Math.floor(r() * l.length);
    l[at] = `${l[at] ?? ''}\r[cr]`; // a lone CR: botocore ends a line there, the JS SDK does not
  },
  (l) => l.push('[indented]', 'k = v', '  [inner]', 'j = w'), // botocore: a continuation of k; the JS SDK: a header
];
/** The defects after which botocore still reads the file, but not as the JS SDK does. */
const READERS_DISAGREE = new Set([6, 7, 8, 9]);

interface Generated {
  readonly text: string;
  readonly defect: number | null;
}

function generate(r: Random): Generated {
  const lines: string[] = [];
  const used = new Set<string>();
  if (r() < 0.3) lines.push(pick(r, COMMENTS));
  const sections = 1 + Math.floor(r() * 6);
  for (let s = 0; s < sections; s += 1) {
    let header = r() < 0.12 ? DEFAULT_SECTION : pick(r, HEADERS(pick(r, PROFILE_WORDS)));
    if (used.has(header) && header !== DEFAULT_SECTION) header = `${header}-${s}`;
    used.add(header);
    lines.push(`[${header}]${pick(r, ['', '', ' # note', ' ; x'])}`);
    const keys = new Set<string>();
    const n = Math.floor(r() * 5);
    for (let k = 0; k < n; k += 1) {
      if (r() < 0.2) lines.push(r() < 0.5 ? pick(r, COMMENTS) : pick(r, SPACES));
      const key = pick(r, KEYS);
      if (keys.has(key.toLowerCase()) || (header === DEFAULT_SECTION && used.has(`DEFAULT:${key.toLowerCase()}`))) continue;
      keys.add(key.toLowerCase());
      if (header === DEFAULT_SECTION) used.add(`DEFAULT:${key.toLowerCase()}`);
      if (r() < 0.1) {
        lines.push(`${key} =`, `    max_concurrent_requests = ${k + 1}`);
        continue;
      }
      const value = pick(r, VALUES);
      lines.push(`${key}${pick(r, DELIMS)}${value}`.trimEnd());
      // After an empty value botocore expects nested `k = v` lines (a defect of its own, below).
      if (value !== '' && r() < 0.08) lines.push(`  continued-${k}`);
    }
    if (r() < 0.3) lines.push('');
  }
  let defect: number | null = null;
  if (r() < 0.4) {
    defect = Math.floor(r() * DEFECTS.length);
    DEFECTS[defect]?.(lines, r);
  }
  const eol = r() < 0.3 ? '\r\n' : '\n';
  const text = lines.join(eol) + (r() < 0.8 ? eol : '');
  return { text, defect };
}

// ---- our side ----------------------------------------------------------------------------

function ourProfiles(doc: IniDocument): string[] {
  const names = doc.sections.flatMap((s) => botocoreProfileName(s.name, 'config') ?? []);
  return [...new Set(names)].sort();
}

// ---- the run -----------------------------------------------------------------------------

let dir: string;
beforeAll(async () => {
  dir = await fsp.mkdtemp(join(tmpdir(), 'sts-tray-generated-'));
});
afterAll(async () => {
  await fsp.rm(dir, { recursive: true, force: true });
});

/** The JS SDK's loader swallows its own parse error and reports an empty file. */
async function jsSdkGivesUp(text: string, n: number): Promise<boolean> {
  const path = join(dir, `config-${n}`);
  await fsp.writeFile(path, text);
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ filepath: path, configFilepath: path, ignoreCache: true });
  return Object.keys(credentialsFile).length === 0 && Object.keys(configFile).length === 0;
}

describe('generated files: our reader against botocore and the JS SDK', () => {
  const seed = Number(process.env.FC_SEED ?? Date.now() % 1_000_000);
  const random = seededRandom(seed);
  const files = Array.from({ length: 1500 }, () => generate(random));

  it(`the same accept/refuse decision, sections, keys, values and profile names (seed ${seed})`, async () => {
    const results = botocoreRead(files.map((f) => f.text));
    const tally = { accepted: 0, refusedByBotocore: 0, readersDisagree: 0 };
    for (const [i, { text, defect }] of files.entries()) {
      const theirs = results[i];
      if (!theirs) throw new Error('botocore gave no result');
      const label = `seed ${seed}, file ${i}, defect ${defect}: ${JSON.stringify(text)}`;
      // The reference decision: refuse what botocore refuses, and what botocore and the JS SDK read differently.
      const disagree = defect !== null && READERS_DISAGREE.has(defect);
      if (theirs.ok && (defect === 6 || defect === 7)) expect(await jsSdkGivesUp(text, i), label).toBe(true);
      const refuse = !theirs.ok || disagree;
      const ours = ourParse(text);
      expect(ours instanceof StsTrayError, label).toBe(refuse);
      if (ours instanceof StsTrayError || !theirs.ok) {
        if (!theirs.ok) tally.refusedByBotocore += 1;
        else tally.readersDisagree += 1;
        if (ours instanceof StsTrayError) expect(ours.message, label).toMatch(/^f( line \d+)?: /);
        continue;
      }
      tally.accepted += 1;
      expect(ourBotocoreView(ours), label).toEqual(theirs.sections);
      expect(ourProfiles(ours), label).toEqual(theirs.profiles);
    }
    // Every kind of defect and plenty of clean files were in the run.
    expect(new Set(files.map((f) => f.defect)).size).toBe(DEFECTS.length + 1);
    expect(tally.accepted).toBeGreaterThan(500);
    expect(tally.readersDisagree).toBeGreaterThan(10);
    console.info(`generated files: ${files.length}; accepted ${tally.accepted}; botocore refused ${tally.refusedByBotocore}; readers disagree ${tally.readersDisagree}`);
  });

  it("our shlex split matches Python's on every header the generator writes, and on hostile ones", () => {
    const headers = [...new Set(PROFILE_WORDS.flatMap(HEADERS))];
    headers.push('profile "a\\"b"', "profile 'a\\b'", 'profile a\\ b', 'profile "open', 'profile trailing\\', 'profile ""', 'profile "x"y\'z\'', 'profile\r\ntes');
    expect(headers.map(shlexSplit)).toEqual(pythonShlex(headers));
  });
});
