// Splits argv into a command path and its options, strictly: an unknown flag or a
// missing value is a usage error (exit 2), never a guess.

import { parseArgs } from 'node:util';
import { StsTrayError } from '../core/errors.js';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

const GLOBAL: OptionSpec = {
  'endpoint-url': { type: 'string' },
  'iam-endpoint-url': { type: 'string' },
  'signin-endpoint': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

export const COMMANDS: Record<string, { options: OptionSpec; positionals: number }> = {
  'identity add': {
    positionals: 1,
    options: {
      'access-key-id': { type: 'string' },
      'mfa-serial': { type: 'string' },
      region: { type: 'string' },
      'mfa-session-seconds': { type: 'string' },
      replace: { type: 'boolean' },
      'no-verify': { type: 'boolean' },
      'console-policy': { type: 'string' },
    },
  },
  'identity show': { positionals: 1, options: { json: { type: 'boolean' } } },
  'identity rotate': { positionals: 1, options: { 'mfa-code': { type: 'string' } } },
  'identity list': { positionals: 0, options: { json: { type: 'boolean' } } },
  'identity remove': { positionals: 1, options: {} },
  'role add': {
    positionals: 1,
    options: {
      identity: { type: 'string' },
      'source-role': { type: 'string' },
      'role-arn': { type: 'string' },
      account: { type: 'string' },
      'role-name': { type: 'string' },
      env: { type: 'string' },
      'external-id': { type: 'string' },
      mfa: { type: 'boolean' },
      'session-name': { type: 'string' },
      duration: { type: 'string' },
      region: { type: 'string' },
      profile: { type: 'string' },
      'mirror-default': { type: 'boolean' },
      'credential-process': { type: 'boolean' },
      replace: { type: 'boolean' },
    },
  },
  'role list': { positionals: 0, options: { json: { type: 'boolean' } } },
  'role remove': { positionals: 1, options: {} },
  assume: { positionals: 1, options: { 'mfa-code': { type: 'string' } } },
  export: { positionals: 1, options: { format: { type: 'string' }, 'mfa-code': { type: 'string' }, fresh: { type: 'boolean' } } },
  status: { positionals: 0, options: { json: { type: 'boolean' } } },
  whoami: { positionals: 1, options: { 'mfa-code': { type: 'string' }, fresh: { type: 'boolean' } } },
  'credential-process': { positionals: 1, options: {} },
  logout: { positionals: -1, options: { all: { type: 'boolean' } } },
  watch: { positionals: -1, options: { 'mfa-code': { type: 'string' } } },
  console: {
    positionals: 1,
    options: {
      identity: { type: 'boolean' },
      destination: { type: 'string' },
      region: { type: 'string' },
      duration: { type: 'string' },
      print: { type: 'boolean' },
      'mfa-code': { type: 'string' },
    },
  },
  decode: { positionals: -1, options: { json: { type: 'boolean' }, 'mfa-code': { type: 'string' } } },
  import: { positionals: 0, options: { apply: { type: 'boolean' }, 'credential-process': { type: 'boolean' }, 'remove-plaintext': { type: 'boolean' } } },
};

export interface ParsedCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  readonly help: boolean;
  readonly endpointUrl: string | undefined;
  readonly iamEndpointUrl?: string | undefined;
  readonly signinEndpoint?: string | undefined;
}

const usage = (message: string) => new StsTrayError('usage', message);

/** Flags that take a value, in any command: their values are not command words. */
const VALUED = new Set(
  [GLOBAL, ...Object.values(COMMANDS).map((c) => c.options)].flatMap((spec) =>
    Object.entries(spec).filter(([, o]) => o.type === 'string').map(([flag]) => `--${flag}`),
  ),
);

function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('-')) {
      if (VALUED.has(arg)) i += 1;
      continue;
    }
    words.push(arg);
  }
  return words;
}

export function parseCommand(argv: readonly string[]): ParsedCommand {
  const words = commandWords(argv);
  const two = words.slice(0, 2).join(' ');
  const name = COMMANDS[two] ? two : words[0] && COMMANDS[words[0]] ? words[0] : undefined;
  if (!name) {
    if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
      return { command: 'help', args: [], options: {}, help: true, endpointUrl: undefined };
    }
    const given = words.slice(0, 2).join(' ') || argv[0] || '';
    throw usage(`unknown command "${given}"; run sts-tray --help`);
  }
  const spec = COMMANDS[name];
  if (!spec) throw usage(`unknown command "${name}"`);
  // Drop the command words (first occurrences only) and parse the rest strictly.
  const rest = [...argv];
  for (const word of name.split(' ')) rest.splice(rest.indexOf(word), 1);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: { ...GLOBAL, ...spec.options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw usage(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : 'bad arguments'}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const help = values.help === true;
  if (!help && spec.positionals >= 0 && parsed.positionals.length !== spec.positionals) {
    throw usage(
      spec.positionals === 0
        ? `${name} takes no NAME argument`
        : `${name} needs exactly one NAME (got ${parsed.positionals.length})`,
    );
  }
  const text = (option: string) => (typeof values[option] === 'string' ? values[option] : undefined);
  return {
    command: name,
    args: parsed.positionals,
    options: values,
    help,
    endpointUrl: text('endpoint-url'),
    iamEndpointUrl: text('iam-endpoint-url'),
    signinEndpoint: text('signin-endpoint'),
  };
}
