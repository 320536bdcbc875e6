// Lints each file of lint-fixtures/ as if it lived at the path its first line names, so
// every forbidden layer arrow is shown to fail lint and the allowed ones to pass.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixturesDir = path.join(root, 'lint-fixtures');

interface Fixture {
  name: string;
  text: string;
  lintAs: string;
  expectation: 'breaks' | 'passes';
  rule: string;
}

function readFixture(name: string): Fixture {
  const text = readFileSync(path.join(fixturesDir, name), 'utf8');
  const [first = '', second = ''] = text.split('\n');
  const lintAs = /^\/\/ lint-as: (\S+)$/.exec(first)?.[1];
  const expected = /^\/\/ (breaks|passes): (\S+)/.exec(second);
  if (lintAs === undefined || expected === null) {
    throw new Error(`lint-fixtures/${name}: line 1 must be "// lint-as: <path>", line 2 "// breaks|passes: <rule>"`);
  }
  return { name, text, lintAs, expectation: expected[1] as 'breaks' | 'passes', rule: expected[2] ?? '' };
}

const fixtures = readdirSync(fixturesDir)
  .filter((name) => name !== 'README.md')
  .sort()
  .map(readFixture);
const eslint = new ESLint({ cwd: root });

async function lintFixture(fixture: Fixture) {
  const [result] = await eslint.lintText(fixture.text, { filePath: path.join(root, fixture.lintAs) });
  return result?.messages ?? [];
}

describe('lint fixtures', () => {
  it('cover every arrow the layer table forbids and some it allows', () => {
    expect(fixtures.filter((fixture) => fixture.expectation === 'breaks').length).toBeGreaterThanOrEqual(20);
    expect(fixtures.filter((fixture) => fixture.expectation === 'passes').length).toBeGreaterThanOrEqual(4);
  });

  it.each(fixtures.filter((fixture) => fixture.expectation === 'breaks').map((fixture) => [fixture.name, fixture]))(
    '%s fails with exactly one layer error naming its layer',
    async (_name, fixture) => {
      const messages = await lintFixture(fixture);
      expect(messages.map((message) => message.ruleId)).toEqual([fixture.rule]);
      const folder = fixture.lintAs.split('/').slice(0, fixture.lintAs.startsWith('renderer/') ? 1 : 2).join('/');
      expect(messages[0]?.message).toContain(folder);
      expect(messages[0]?.severity).toBe(2);
    },
    30_000,
  );

  it.each(fixtures.filter((fixture) => fixture.expectation === 'passes').map((fixture) => [fixture.name, fixture]))(
    '%s passes without any message',
    async (_name, fixture) => {
      expect(await lintFixture(fixture)).toEqual([]);
    },
    30_000,
  );

  it('refuses a builtin in core with a message naming the layer, the target and what is allowed', async () => {
    const [message] = await lintFixture({
      name: 'inline',
      text: "import 'node:fs';\n",
      lintAs: 'electron/core/inline.ts',
      expectation: 'breaks',
      rule: 'sts-tray/layer-imports',
    });
    expect(message?.message).toBe(
      "electron/core may import only electron/contract, electron/core, zod; 'node:fs' is a Node builtin " +
        '(core is framework-free: reach the outside through a port in core/ports.ts)',
    );
  });

  it('skips a pending import while it is refused and reports the entry once the import is gone', async () => {
    const pending = new ESLint({
      cwd: root,
      overrideConfig: {
        rules: {
          'sts-tray/layer-imports': ['error', { root, pending: [{ file: 'electron/core/inline.ts', import: 'node:fs' }] }],
        },
      },
    });
    const filePath = path.join(root, 'electron/core/inline.ts');
    const [still] = await pending.lintText("import 'node:fs';\n", { filePath });
    expect(still?.messages).toEqual([]);
    const [gone] = await pending.lintText("import '../contract/x.js';\n", { filePath });
    expect(gone?.messages.map((message) => message.message)).toEqual([
      "electron/core/inline.ts no longer has the refused import 'node:fs': drop it from the rule's pending list in eslint.config.js",
    ]);
  });

  it('refuses a computed module name it cannot check', async () => {
    const messages = await lintFixture({
      name: 'inline',
      text: "const name = 'node:fs';\nexport const fs = import(name);\n",
      lintAs: 'electron/core/inline.ts',
      expectation: 'breaks',
      rule: 'sts-tray/layer-imports',
    });
    expect(messages.map((message) => message.messageId)).toEqual(['computed']);
  });
});
