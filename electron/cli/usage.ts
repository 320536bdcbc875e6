// The help pages of `sts-tray`, made from the command table: the overview, one page per
// command (a line per flag), and the list of a group's subcommands.

import { COMMAND_SPECS, GLOBAL_OPTIONS, commandGroups, commandSpec, groupCommands, optionLabel, usageLine, type CommandSpec, type Options } from './command-specs.js';
import { didYouMean } from './did-you-mean.js';
import { EXIT } from './exit-codes.js';

const EXIT_CODES = `Exit codes: ${EXIT.ok} ok, ${EXIT.failed} failed, ${EXIT.usage} usage error or bad input, ${EXIT.needsMfa} an MFA code is needed and none was given, ${EXIT.cancelled} cancelled (Ctrl-C).`;

function optionLines(options: Options): string[] {
  const entries = Object.entries(options);
  const labels = entries.map(([flag, o]) => optionLabel(flag, o));
  const width = Math.max(0, ...labels.map((l) => l.length));
  return entries.map(([, o], i) => `  ${(labels[i] ?? '').padEnd(width)}  ${o.help}`);
}

export function globalHelp(): string {
  const width = Math.max(...COMMAND_SPECS.map((s) => `${s.name} ${s.args}`.trim().length));
  const lines = COMMAND_SPECS.map((s) => `  ${`${s.name} ${s.args}`.trim().padEnd(width)}  ${s.summary}`);
  return [
    'sts-tray — short-lived AWS credentials from keys kept in your OS keychain',
    '',
    'Usage: sts-tray COMMAND [ARGS] [OPTIONS]',
    '',
    'Commands:',
    ...lines,
    '',
    'Global options:',
    ...optionLines({ ...GLOBAL_OPTIONS, version: { type: 'boolean', short: 'V', help: 'print the version' } }),
    '',
    'Run `sts-tray help COMMAND` (or COMMAND --help) for its options.',
    'Start here with an existing ~/.aws setup: sts-tray import.',
    EXIT_CODES,
    '',
  ].join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  const options = Object.keys(spec.options).length > 0 ? ['', 'Options:', ...optionLines(spec.options)] : [];
  return [`usage: ${usageLine(spec)}`, '', spec.summary, ...(spec.details ?? []), ...options, '', 'Global options:', ...optionLines(GLOBAL_OPTIONS), '', EXIT_CODES, ''].join('\n');
}

function groupHelp(group: string): string {
  return [`sts-tray ${group} COMMAND`, '', ...groupCommands(group).map((s) => `  ${usageLine(s)}\n      ${s.summary}`), '', `Run \`sts-tray help ${group} COMMAND\` for its options.`, ''].join('\n');
}

/** The page for `sts-tray help [TOPIC]`; null with a hint when the topic is unknown. */
export function helpPage(topic: readonly string[]): { text: string } | { unknown: string } {
  if (topic.length === 0) return { text: globalHelp() };
  const spec = commandSpec(topic.slice(0, 2).join(' ')) ?? commandSpec(topic[0] ?? '');
  if (spec) return { text: commandHelp(spec) };
  if (topic.length === 1 && commandGroups().includes(topic[0] ?? '')) return { text: groupHelp(topic[0] ?? '') };
  const asked = topic.join(' ');
  const near = didYouMean(asked, COMMAND_SPECS.map((s) => s.name));
  return { unknown: `no help for "${asked}"${near ? `; did you mean "${near}"?` : ''} (sts-tray help lists the commands)` };
}
