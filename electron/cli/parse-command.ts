// Splits argv into a command and its options, strictly: an unknown command or flag, a missing
// value or a wrong number of names is a usage error (exit 2) that names the problem, offers
// the nearest known word, and shows the command's usage line — never a guess.

import { parseArgs } from 'node:util';
import { StsTrayError } from '../core/errors.js';
import { COMMAND_SPECS, GLOBAL_OPTIONS, commandGroups, commandSpec, firstWords, groupCommands, optionLabel, usageLine, type CommandSpec, type Options } from './command-specs.js';
import { didYouMean } from './did-you-mean.js';

export interface ParsedCommand {
  /** A command's name; 'help' (args: the topic's words) and 'version' need no services. */
  readonly command: string;
  readonly args: readonly string[];
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  readonly endpointUrl: string | undefined;
  readonly iamEndpointUrl?: string | undefined;
  readonly signinEndpoint?: string | undefined;
}

const usage = (message: string) => new StsTrayError('usage', message);
const helpFor = (topic: readonly string[]): ParsedCommand => ({ command: 'help', args: topic, options: {}, endpointUrl: undefined });

/** Flags that take a value, in any command: their values are not command words. */
const VALUED = new Set(
  [GLOBAL_OPTIONS, ...COMMAND_SPECS.map((c) => c.options)].flatMap((spec) =>
    Object.entries(spec).filter(([, o]) => o.type === 'string').map(([flag]) => `--${flag}`),
  ),
);

/** The words before `--` that are neither flags nor flag values. */
function commandWords(argv: readonly string[]): string[] {
  const words: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg.startsWith('-')) {
      if (VALUED.has(arg)) i += 1;
      continue;
    }
    words.push(arg);
  }
  return words;
}

const wantsHelp = (argv: readonly string[]) => {
  const end = argv.indexOf('--');
  const own = end < 0 ? argv : argv.slice(0, end);
  return own.includes('--help') || own.includes('-h');
};

export function parseCommand(argv: readonly string[]): ParsedCommand {
  const words = commandWords(argv);
  if (argv.length === 0) return helpFor([]);
  if (words.length === 0 && (argv.includes('--version') || argv.includes('-V'))) {
    return { command: 'version', args: [], options: {}, endpointUrl: undefined };
  }
  const first = words[0] ?? '';
  const two = words.slice(0, 2).join(' ');
  const spec = commandSpec(two) ?? commandSpec(first);
  if (!spec) {
    if (commandGroups().includes(first)) {
      if (words.length === 1 && wantsHelp(argv)) return helpFor([first]);
      throw groupError(first, words[1]);
    }
    if (words.length === 0 && wantsHelp(argv)) return helpFor([]);
    throw unknownCommand(first || argv[0] || '');
  }
  if (spec.name !== 'help' && wantsHelp(argv)) return helpFor([spec.name]);
  const rest = [...argv];
  for (const word of spec.name.split(' ')) rest.splice(rest.indexOf(word), 1);
  const options: Options = { ...GLOBAL_OPTIONS, ...spec.options };
  checkFlags(spec, rest, options);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options: { ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw usage(`${spec.name}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : 'bad arguments'}\nusage: ${usageLine(spec)}`);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (spec.name === 'help') return helpFor(parsed.positionals);
  checkPositionals(spec, parsed.positionals, rest);
  const text = (flag: string) => (typeof values[flag] === 'string' ? values[flag] : undefined);
  return {
    command: spec.name,
    args: parsed.positionals,
    options: values,
    endpointUrl: text('endpoint-url'),
    iamEndpointUrl: text('iam-endpoint-url'),
    signinEndpoint: text('signin-endpoint'),
  };
}

/** Unknown flags and flags without their value, named with the nearest real one. */
function checkFlags(spec: CommandSpec, args: readonly string[], options: Options): void {
  const longs = Object.keys(options);
  const shorts = new Map(Object.entries(options).flatMap(([flag, o]) => (o.short ? [[o.short, flag] as const] : [])));
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--') return;
    if (!arg.startsWith('-') || arg === '-') continue;
    const long = arg.startsWith('--');
    const name = long ? (arg.slice(2).split('=')[0] ?? '') : arg.slice(1);
    const flag = long ? name : shorts.get(name);
    const option = flag === undefined ? undefined : options[flag];
    if (flag === undefined || option === undefined) {
      const near = long ? didYouMean(name, longs) : null;
      const own = Object.keys(spec.options).map((f) => `--${f}`);
      const hint = near ? `; did you mean --${near}?` : `; its options: ${own.join(' ') || 'none'}`;
      throw usage(`${spec.name}: unknown option ${arg}${hint}\nusage: ${usageLine(spec)}`);
    }
    if (option.type === 'string' && !arg.includes('=')) {
      const value = args[i + 1];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) {
        throw usage(`${spec.name}: ${optionLabel(flag, option)} needs a value: ${option.help}\nusage: ${usageLine(spec)}`);
      }
      i += 1;
    }
  }
}

function checkPositionals(spec: CommandSpec, positionals: readonly string[], args: readonly string[]): void {
  const line = `\nusage: ${usageLine(spec)}`;
  if (spec.name === 'exec') {
    const dashes = args.indexOf('--');
    if (dashes < 0) throw usage(`exec: put -- before the command to run, as in: sts-tray exec NAME -- aws s3 ls${line}`);
    const before = args.slice(0, dashes).filter((a, i, all) => !a.startsWith('-') && !VALUED.has(all[i - 1] ?? ''));
    if (before.length !== 1) throw usage(`exec: name one role before --${line}`);
    if (args.length === dashes + 1) throw usage(`exec: no command after --${line}`);
    return;
  }
  if (spec.positionals < 0 || positionals.length === spec.positionals) return;
  if (spec.positionals === 0) throw usage(`${spec.name} takes no arguments (got "${positionals.join(' ')}")${line}`);
  const what = spec.args.replace(/^\[|\]$/g, '') || 'NAME';
  if (positionals.length === 0) throw usage(`${spec.name} needs ${what === 'SHELL' ? 'a SHELL' : `a ${what}`}${line}`);
  throw usage(`${spec.name} takes one ${what} (got ${positionals.length}: ${positionals.join(' ')})${line}`);
}

function groupError(group: string, sub: string | undefined): StsTrayError {
  const subs = groupCommands(group);
  const list = subs.map((s) => `  ${usageLine(s)}`).join('\n');
  if (sub === undefined) return usage(`${group} needs a subcommand:\n${list}`);
  const near = didYouMean(sub, subs.map((s) => s.name.split(' ')[1] ?? ''));
  return usage(`unknown command "${group} ${sub}"${near ? `; did you mean "${group} ${near}"?` : ''}\n${list}`);
}

function unknownCommand(word: string): StsTrayError {
  const near = didYouMean(word, firstWords());
  return usage(`unknown command "${word}"${near ? `; did you mean "${near}"?` : ''} (sts-tray help lists the commands)`);
}
