// The help pages and the README say what the parser accepts: every flag of a command is on its
// page, and every sts-tray command line in the README parses.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_SPECS, usageLine } from './command-specs.js';
import { parseCommand } from './parse-command.js';
import { commandHelp, globalHelp, helpPage } from './usage.js';

const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');

/** The sts-tray command lines of the README's code blocks, continuation lines joined. */
function readmeCommandLines(): string[] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] ?? '').replaceAll(/\\\n\s*/g, ' '));
  return blocks.flatMap((block) =>
    block.split('\n').flatMap((line) => {
      const found = /(?:npx )?sts-tray ((?:[^#)"|&;]|"[^"]*")*)/.exec(line.replace(/\s#\s.*$/, ''));
      return found?.[1] ? [found[1].trim()] : [];
    }),
  );
}

describe('help', () => {
  it('the overview names every command with its summary', () => {
    const page = globalHelp();
    for (const spec of COMMAND_SPECS) expect(page).toContain(`${spec.name} ${spec.args}`.trim());
  });

  it.each(COMMAND_SPECS.map((s) => [s.name, s] as const))('%s: its page shows the usage line and a line for each flag', (_name, spec) => {
    const page = commandHelp(spec);
    expect(page.startsWith(`usage: ${usageLine(spec)}\n`)).toBe(true);
    for (const [flag, option] of Object.entries(spec.options)) {
      expect(page).toMatch(new RegExp(`^ {2}(-${option.short ?? '_'}, )?--${flag}\\b.* {2}${option.help.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    }
  });

  it('help for a group lists its commands; an unknown topic gets a suggestion', () => {
    expect(helpPage(['identity'])).toMatchObject({ text: expect.stringContaining('sts-tray identity remove NAME') });
    expect(helpPage(['asume'])).toEqual({ unknown: 'no help for "asume"; did you mean "assume"? (sts-tray help lists the commands)' });
  });
});

describe('the README', () => {
  const lines = readmeCommandLines();

  it('has command lines to check (the extraction works)', () => {
    expect(lines.length).toBeGreaterThan(10);
    expect(lines).toContain('assume stg');
  });

  it.each(lines)('sts-tray %s parses', (line) => {
    const argv = line.split(/\s+/).filter((word) => word !== '' && word !== '...' && word !== '…');
    expect(() => parseCommand(argv)).not.toThrow();
  });
});
