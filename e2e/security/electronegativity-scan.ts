// Runs @doyensec/electronegativity over the built app (dist/main, dist/preload,
// dist/renderer and package.json, laid out as they sit in the packaged app.asar) and
// returns its findings minus the justified exclusions in electronegativity-exclusions.md.
// Shared by the vitest suite (electronegativity.test.ts) and `npm run scan` (scan-cli.ts).
//
// Offline by construction: the tool fetches translations from S3 on every run and one
// check fetches Electron's release list from GitHub. Both go through the `got` HTTP
// client, which is replaced here by one that fails at once, so the scan never waits on a
// network it does not have and gives the same answer on every machine (the bundled
// en-US texts are used; the network-only check is excluded, see the exclusions file).

import { transformSync } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire, SourceMap, type SourceMapPayload } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/app-protocol.js';
import { mainWindowOptions } from '../../electron/main/main-window.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const exclusionsFile = fileURLToPath(new URL('./electronegativity-exclusions.md', import.meta.url));
const requireFromRoot = createRequire(join(root, 'package.json'));

/** Parts of the built app the scan reads, relative to dist/, as in the asar. */
const SCANNED_PARTS = ['main', 'preload', 'renderer'] as const;

export interface Finding {
  /** The check's issue id, e.g. CONTEXT_ISOLATION_JS_CHECK. */
  check: string;
  /** Path inside the scanned app, e.g. main/index.js; "N/A" for a whole-app finding. */
  file: string;
  /** Line (1-based) and column (0-based) in that file as built. */
  line: number;
  column: number;
  /** Where the line comes from, e.g. "electron/main/index.ts:61", when the bundle's source map knows. */
  source: string | null;
  severity: string;
  confidence: string;
  description: string;
  manualReview: boolean;
}

export interface Exclusion {
  check: string;
  /** A built file ("main/index.js"), a source file ("electron/main/index.ts"), "N/A", or "*". */
  where: string;
  why: string;
}

export interface ScanResult {
  findings: Finding[];
  /** Findings dropped by an exclusion, kept so the report can show them. */
  excluded: Finding[];
  /** Checks the tool ran (atomic + global). */
  checksRun: number;
  /** Files the tool could not parse: a scan that skipped a bundle proves nothing. */
  parseErrors: string[];
  /** The parts of dist/ that were scanned. */
  scanned: string[];
}

/** The global check that needs GitHub (Electron's release list): not run, see the exclusions file. */
const NETWORK_ONLY_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** The shape of the tool's results (it ships no types). */
interface RawIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  description: string;
  manualReview?: boolean;
}
interface RawResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable?: boolean }[];
  issues: RawIssue[];
}
type Runner = (options: Record<string, unknown>, forCli: boolean) => Promise<RawResult>;

/** Reads the exclusions table: `| CHECK_ID | where | why |` rows. */
export function readExclusions(markdown = readFileSync(exclusionsFile, 'utf8')): Exclusion[] {
  return markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^\|\s*`?[A-Z0-9_]+`?\s*\|/.test(line))
    .map((line) => {
      const [check = '', where = '', why = ''] = line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim().replace(/^`|`$/g, ''));
      return { check, where, why };
    });
}

export function isExcludedBy(exclusion: Exclusion, finding: Finding): boolean {
  if (exclusion.check !== finding.check) return false;
  const sourceFile = finding.source?.replace(/:\d+$/, '') ?? null;
  return exclusion.where === '*' || exclusion.where === finding.file || exclusion.where === sourceFile;
}

/** Makes the tool's HTTP client fail at once: the scan must not depend on the network. */
function disableNetwork(toolRequire: NodeJS.Require): void {
  const gotPath = toolRequire.resolve('got');
  const refuse = (): Promise<never> => Promise.reject(new Error('network disabled for the offline scan'));
  const stub = new Module(gotPath);
  stub.exports = Object.assign(refuse, { head: refuse, get: refuse, default: refuse });
  stub.loaded = true;
  toolRequire.cache[gotPath] = stub;
}

/**
 * What main builds at run time, written out as literals the tool can read. Its checks look
 * at the object written inside `new BrowserWindow({...})` and at CSP headers set through
 * webRequest; main builds the options in mainWindowOptions() and sends the CSP from the
 * app:// handler, both invisible to it. So the real values (imported from the modules main
 * uses) are scanned here, under extracted/.
 */
function extractedSources(): Record<string, string> {
  const options = mainWindowOptions({ preloadPath: '/app/dist/preload/index.cjs', devTools: false });
  return {
    'extracted/main-window-options.js': [
      '// mainWindowOptions() from electron/main/main-window.ts, as in the packaged app.',
      "const { BrowserWindow } = require('electron');",
      `new BrowserWindow(${JSON.stringify(options, null, 2)});`,
      '',
    ].join('\n'),
    'extracted/renderer-csp.js': [
      '// CONTENT_SECURITY_POLICY from electron/main/app-protocol.ts, sent with every app:// response.',
      "const { session } = require('electron');",
      'session.defaultSession.webRequest.onHeadersReceived((details, callback) => {',
      `  callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [${JSON.stringify(CONTENT_SECURITY_POLICY)}] } });`,
      '});',
      '',
    ].join('\n'),
  };
}

interface StagedFile {
  /** The file in the scanned app, e.g. "preload/index.cjs". */
  original: string;
  /** Maps a staged position back to the built file, when the file was lowered. */
  lowering: SourceMap | null;
  /** Maps a built position to the TypeScript source, from the build's own .map. */
  build: SourceMap | null;
}

interface StagedApp {
  appDir: string;
  /** Staged file (relative, as the tool reports it) → where it came from. */
  files: Map<string, StagedFile>;
  scanned: string[];
}

/** Every file under `dir`, relative to it, with forward slashes. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

function readSourceMap(path: string): SourceMap | null {
  return existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8')) as SourceMapPayload) : null;
}

/**
 * Copies the built parts into a temporary app folder shaped like the asar, adjusted so the
 * tool really reads every bundle:
 * - it only picks up .js/.html files, so the CommonJS preload (index.cjs) and any .mjs are
 *   staged under a .js name (and reported under their real one);
 * - its parser stops at syntax newer than ES2021 ("Unknown node type ClassPrivateProperty"
 *   for `#private` fields, and the whole file goes unscanned), so scripts are lowered to
 *   ES2021 with esbuild first. Only syntax changes: the Electron calls and option objects
 *   the checks look for stay as they are, and positions are mapped back.
 * Source maps stay out: they are not shipped, and their embedded sources would be scanned.
 */
function stageApp(distDir: string): StagedApp {
  const appDir = mkdtempSync(join(tmpdir(), 'sts-tray-scan-'));
  const files = new Map<string, StagedFile>();
  const scanned: string[] = [];
  const put = (staged: string, content: string | Buffer): void => {
    mkdirSync(dirname(join(appDir, staged)), { recursive: true });
    writeFileSync(join(appDir, staged), content);
  };
  for (const part of SCANNED_PARTS) {
    const partDir = join(distDir, part);
    if (!existsSync(partDir)) continue;
    scanned.push(part);
    for (const file of filesUnder(partDir)) {
      if (file.endsWith('.map')) continue;
      const original = `${part}/${file}`;
      const staged = original.replace(/\.(cjs|mjs)$/, '.$1.js');
      const content = readFileSync(join(partDir, file));
      if (!/\.(c|m)?js$/.test(file)) {
        put(staged, content);
        files.set(staged, { original, lowering: null, build: null });
        continue;
      }
      const lowered = transformSync(content.toString('utf8'), {
        target: 'es2021',
        format: file.endsWith('.cjs') ? 'cjs' : 'esm',
        loader: 'js',
        sourcemap: 'external',
      });
      put(staged, lowered.code);
      files.set(staged, {
        original,
        lowering: new SourceMap(JSON.parse(lowered.map) as SourceMapPayload),
        build: readSourceMap(join(partDir, `${file}.map`)),
      });
    }
  }
  for (const [staged, code] of Object.entries(extractedSources())) {
    put(staged, code);
    files.set(staged, { original: staged, lowering: null, build: null });
  }
  // package.json carries Electron's version and any command-line switches the JSON checks look for.
  cpSync(join(root, 'package.json'), join(appDir, 'package.json'));
  files.set('package.json', { original: 'package.json', lowering: null, build: null });
  return { appDir, files, scanned };
}

/** A source map entry, or null where the map has none (Node returns {} then). */
function lookUp(map: SourceMap | null, line: number, column: number): { line: number; column: number; source: string } | null {
  const entry = map?.findEntry(line - 1, column);
  if (!entry || !('originalLine' in entry)) return null;
  return { line: entry.originalLine + 1, column: entry.originalColumn, source: entry.originalSource };
}

/** The finding at its place in the built file, and in the TypeScript source when known. */
function locate(issue: RawIssue, staged: StagedApp): Pick<Finding, 'file' | 'line' | 'column' | 'source'> {
  const file = issue.file.replace(/\\/g, '/').replace(/^\//, '');
  const origin = staged.files.get(file);
  if (!origin) return { file, line: issue.location.line, column: issue.location.column, source: null };
  const built = origin.lowering
    ? lookUp(origin.lowering, issue.location.line, issue.location.column)
    : { line: issue.location.line, column: issue.location.column, source: '' };
  if (!built) return { file: origin.original, line: 0, column: 0, source: null };
  const source = lookUp(origin.build, built.line, built.column);
  const sourcePath = source ? relative(root, fileURLToPath(new URL(source.source, pathToFileURL(join(root, 'dist', origin.original))))) : null;
  return {
    file: origin.original,
    line: built.line,
    column: built.column,
    source: source && sourcePath ? `${sourcePath.split(sep).join('/')}:${source.line}` : null,
  };
}

export async function scanBuiltApp(distDir = join(root, 'dist')): Promise<ScanResult> {
  const toolRequire = createRequire(requireFromRoot.resolve('@doyensec/electronegativity'));
  disableNetwork(toolRequire);
  const run = toolRequire('@doyensec/electronegativity') as Runner;
  const electronVersion = (requireFromRoot('electron/package.json') as { version: string }).version;
  const staged = stageApp(distDir);
  try {
    const result = await run(
      {
        input: staged.appDir,
        isRelative: true,
        excludeFromScan: NETWORK_ONLY_CHECKS.map((name) => name.toLowerCase()),
        electronVersionOverride: electronVersion,
        // Every severity and confidence: an exclusion must be written down, not filtered away.
        severitySet: 'informational',
        confidenceSet: 'tentative',
        parserPlugins: [],
      },
      false,
    );
    const exclusions = readExclusions();
    const all = result.issues.map(
      (issue): Finding => ({
        check: issue.id,
        ...locate(issue, staged),
        severity: issue.severity.name,
        confidence: issue.confidence.name,
        description: issue.description,
        manualReview: issue.manualReview === true,
      }),
    );
    const isExcluded = (finding: Finding): boolean => exclusions.some((exclusion) => isExcludedBy(exclusion, finding));
    return {
      findings: all.filter((finding) => !isExcluded(finding)),
      excluded: all.filter(isExcluded),
      checksRun: result.globalChecks + result.atomicChecks,
      parseErrors: result.errors.map((error) => `${relative(staged.appDir, error.file)}: ${error.message}`),
      scanned: staged.scanned,
    };
  } finally {
    rmSync(staged.appDir, { recursive: true, force: true });
  }
}

/** One line per finding, for test failures and the CLI. */
export function formatFinding(finding: Finding): string {
  const source = finding.source ? ` (${finding.source})` : '';
  return `${finding.check} ${finding.severity}/${finding.confidence} ${finding.file}:${finding.line}:${finding.column}${source} — ${finding.description}`;
}
