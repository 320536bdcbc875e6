// The security scan in `npm test`: electronegativity over the built main, preload and
// renderer finds nothing that electronegativity-exclusions.md does not justify; every
// exclusion is still needed; and a deliberately insecure app proves the scan reads each
// bundle (a scan that silently skips a file would otherwise pass forever).

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFinding, isExcludedBy, readExclusions, scanBuiltApp, type ScanResult } from './electronegativity-scan.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = join(root, 'dist');

describe('electronegativity over the built app', () => {
  let result: ScanResult;

  beforeAll(async () => {
    for (const built of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) {
      if (!existsSync(join(dist, built))) throw new Error(`dist/${built} is missing: run \`npm run build\` first`);
    }
    result = await scanBuiltApp(dist);
  });

  it('reads every part of the app', () => {
    expect(result.scanned).toEqual(['main', 'preload', 'renderer']);
    expect(result.parseErrors).toEqual([]);
    expect(result.checksRun).toBeGreaterThan(30);
  });

  it('has no findings beyond the documented exclusions', () => {
    expect(result.findings.map(formatFinding)).toEqual([]);
  });

  it('keeps only exclusions that are justified and still match a finding', () => {
    for (const exclusion of readExclusions()) {
      expect(exclusion.why.length, `${exclusion.check}: say why`).toBeGreaterThan(40);
      const used = result.excluded.some((finding) => isExcludedBy(exclusion, finding));
      expect(used, `${exclusion.check} at ${exclusion.where} no longer matches a finding: remove it`).toBe(true);
    }
  });
});

describe('the scan itself', () => {
  let fixture: string;

  beforeAll(() => {
    fixture = mkdtempSync(join(tmpdir(), 'sts-tray-scan-fixture-'));
    const write = (path: string, text: string): void => {
      mkdirSync(dirname(join(fixture, path)), { recursive: true });
      writeFileSync(join(fixture, path), text);
    };
    // ES2022 class fields, as in the real bundle: the tool's parser needs them lowered.
    write(
      'main/index.js',
      `import { BrowserWindow } from 'electron';
class Shell { #window = null; open() { this.#window = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } }); } }
new Shell().open();
`,
    );
    // CommonJS under .cjs, as the real preload: the tool only picks up .js files by itself.
    write('preload/index.cjs', `const { shell } = require('electron');\nmodule.exports = (url) => shell.openExternal(url);\n`);
    write('renderer/index.html', `<!doctype html><html><body><webview src="https://example.com" allowpopups></webview></body></html>\n`);
  });

  afterAll(() => rmSync(fixture, { recursive: true, force: true }));

  it('finds insecure settings in main, preload and renderer', async () => {
    const { findings, parseErrors } = await scanBuiltApp(fixture);
    expect(parseErrors).toEqual([]);
    const where = (check: string): string[] => findings.filter((f) => f.check === check).map((f) => f.file);
    expect(where('NODE_INTEGRATION_JS_CHECK')).toContain('main/index.js');
    expect(where('CONTEXT_ISOLATION_JS_CHECK')).toContain('main/index.js');
    expect(where('OPEN_EXTERNAL_JS_CHECK')).toContain('preload/index.cjs');
    expect(where('ALLOWPOPUPS_HTML_CHECK')).toContain('renderer/index.html');
  });

  it('reads the exclusions table', () => {
    const table = [
      '| Check | Where | Why |',
      '| --- | --- | --- |',
      '| `CSP_GLOBAL_CHECK` | N/A | the policy is sent as a header |',
      '| SOME_CHECK | main/index.js | because |',
      'prose | not a row |',
    ].join('\n');
    expect(readExclusions(table)).toEqual([
      { check: 'CSP_GLOBAL_CHECK', where: 'N/A', why: 'the policy is sent as a header' },
      { check: 'SOME_CHECK', where: 'main/index.js', why: 'because' },
    ]);
  });
});
