import { describe, expect, it } from 'vitest';
import { parseCommand } from './parse-command.js';

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
    [['frobnicate'], /unknown command "frobnicate"/],
    [['assume'], /exactly one NAME/],
    [['assume', 'a', 'b'], /exactly one NAME/],
    [['assume', 'tes', '--mfa'], /assume: Unknown option '--mfa'/],
    [['role', 'add', 'x', '--identity'], /argument missing|requires a value|--identity/],
    [['status', 'x'], /takes no NAME/],
  ] as const)('%j is a usage error', (argv, message) => {
    expect(() => parseCommand(argv)).toThrow(expect.objectContaining({ code: 'usage', message: expect.stringMatching(message) }));
  });

  it('shows help for no arguments and for --help', () => {
    expect(parseCommand([]).help).toBe(true);
    expect(parseCommand(['assume', '--help']).help).toBe(true);
  });
});
