import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command.js';

const usageError = (message: RegExp) => expect.objectContaining({ code: 'usage', message: expect.stringMatching(message) });

describe('parseCommand', () => {
  it('finds two-word commands and their options', () => {
    const parsed = parseCommand(['role', 'add', 'tes', '--identity', 'dev', '--mfa', '--endpoint-url', 'http://x']);
    expect(parsed).toMatchObject({ command: 'role add', args: ['tes'], endpointUrl: 'http://x' });
    expect(parsed.options).toMatchObject({ identity: 'dev', mfa: true });
  });

  it('accepts global options before the command', () => {
    expect(parseCommand(['--endpoint-url', 'http://x', 'assume', 'tes'])).toMatchObject({ command: 'assume', args: ['tes'] });
  });

  it.each([
    [['frobnicate'], /^unknown command "frobnicate" \(sts-tray help lists the commands\)$/],
    [['asume', 'tes'], /^unknown command "asume"; did you mean "assume"\?/],
    [['identity'], /^identity needs a subcommand:\n {2}sts-tray identity add NAME --/],
    [['role'], /^role needs a subcommand:\n.*sts-tray role add NAME/s],
    [['role', 'ad', 'x'], /^unknown command "role ad"; did you mean "role add"\?/],
    [['assume'], /^assume needs a NAME\nusage: sts-tray assume NAME \[--mfa-code CODE\] \[--yes\]$/],
    [['assume', 'a', 'b'], /^assume takes one NAME \(got 2: a b\)/],
    [['assume', 'tes', '--mfa-cod', '1'], /^assume: unknown option --mfa-cod; did you mean --mfa-code\?\nusage: sts-tray assume NAME/],
    [['status', '--jsn'], /^status: unknown option --jsn; did you mean --json\?\nusage: sts-tray status \[--json\]$/],
    [['assume', 'tes', '--bogus'], /^assume: unknown option --bogus; its options: --mfa-code --yes\n/],
    [['role', 'add', 'x', '--identity'], /^role add: --identity NAME needs a value: the identity whose key/],
    [['assume', 'tes', '--mfa-code', '--yes'], /^assume: --mfa-code CODE needs a value/],
    [['status', 'x'], /^status takes no arguments \(got "x"\)/],
    [['exec', 'tes', 'aws', 's3', 'ls'], /^exec: put -- before the command to run/],
    [['exec', 'tes', '--'], /^exec: no command after --/],
    [['exec', '--', 'aws'], /^exec: name one role before --/],
    [['shell-init'], /^shell-init needs a SHELL/],
  ] as const)('%j is a usage error that names the problem', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(usageError(message));
  });

  it('never shows the parser library own words', () => {
    for (const argv of [['assume', 'tes', '--mfa-cod'], ['status', '--jsn'], ['role', 'add', 'x', '--identity']]) {
      try {
        parseCommand(argv);
      } catch (error) {
        expect(String((error as Error).message)).not.toMatch(/Unknown option '|To specify a positional|argument missing/);
      }
    }
  });

  it('help: none, --help, help COMMAND, COMMAND --help, a group', () => {
    expect(parseCommand([])).toMatchObject({ command: 'help', args: [] });
    expect(parseCommand(['--help'])).toMatchObject({ command: 'help', args: [] });
    expect(parseCommand(['assume', '--help'])).toMatchObject({ command: 'help', args: ['assume'] });
    expect(parseCommand(['help', 'role', 'add'])).toMatchObject({ command: 'help', args: ['role', 'add'] });
    expect(parseCommand(['role', 'add', '-h'])).toMatchObject({ command: 'help', args: ['role add'] });
    expect(parseCommand(['identity', '--help'])).toMatchObject({ command: 'help', args: ['identity'] });
  });

  it('version: --version, -V and the version command', () => {
    expect(parseCommand(['--version'])).toMatchObject({ command: 'version' });
    expect(parseCommand(['-V'])).toMatchObject({ command: 'version' });
    expect(parseCommand(['version'])).toMatchObject({ command: 'version' });
  });

  it('exec: the role before --, the command and its own flags after it untouched', () => {
    const parsed = parseCommand(['exec', 'tes', '--yes', '--', 'aws', 's3', 'ls', '--profile', 'x', '--help']);
    expect(parsed).toMatchObject({ command: 'exec', args: ['tes', 'aws', 's3', 'ls', '--profile', 'x', '--help'] });
    expect(parsed.options.yes).toBe(true);
  });
});
