// `sts-tray completion bash|zsh|fish`: completion scripts made from the command table, so every
// command and flag the parser knows is offered, with the values of flags that have a fixed set
// (--env, --format) and the role names from `sts-tray role list --names`.

import { StsTrayError } from '../core/errors.js';
import { COMMAND_SPECS, COMPLETION_SHELLS, GLOBAL_OPTIONS, SHELLS, commandGroups, firstWords, type CommandSpec } from './command-specs.js';

const flagsOf = (spec: CommandSpec) => Object.keys({ ...spec.options, ...GLOBAL_OPTIONS }).map((f) => `--${f}`);
/** Flags with a fixed set of values, across commands (the same flag has the same values everywhere). */
const choiceFlags = () => new Map(COMMAND_SPECS.flatMap((s) => Object.entries(s.options).flatMap(([f, o]) => (o.choices ? [[f, o.choices] as const] : []))));
/** Commands whose one argument is a shell name. */
const shellArgs: Record<string, readonly string[]> = { 'shell-init': SHELLS, completion: COMPLETION_SHELLS };

function bashScript(): string {
  const groups = commandGroups();
  const subLists = groups.map((g) => `    ${g}) COMPREPLY=($(compgen -W "${COMMAND_SPECS.filter((s) => s.name.startsWith(`${g} `)).map((s) => s.name.split(' ')[1]).join(' ')}" -- "$cur")); return ;;`);
  const valueCases = [...choiceFlags()].map(([flag, values]) => `    --${flag}) COMPREPLY=($(compgen -W "${values.join(' ')}" -- "$cur")); return ;;`);
  const commandCases = COMMAND_SPECS.map((s) => {
    const shells = shellArgs[s.name];
    const words = shells ? `words="${shells.join(' ')}"` : s.roleArgs ? 'words="$(sts-tray role list --names 2>/dev/null)"' : 'words=""';
    return `    "${s.name}") flags="${flagsOf(s).join(' ')}"; ${words} ;;`;
  });
  return `# sts-tray completion for bash: source <(sts-tray completion bash)
_sts_tray_complete() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local first="\${COMP_WORDS[1]}" key="\${COMP_WORDS[1]}" flags="" words=""
  case "$prev" in
${valueCases.join('\n')}
  esac
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${firstWords().join(' ')}" -- "$cur"))
    return
  fi
  case "$first" in
    ${groups.join('|')})
      if [ "$COMP_CWORD" -eq 2 ]; then
        case "$first" in
${subLists.map((l) => `    ${l}`).join('\n')}
        esac
      fi
      key="$first \${COMP_WORDS[2]}" ;;
  esac
  case "$key" in
${commandCases.join('\n')}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$flags" -- "$cur"))
  else
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  fi
}
complete -F _sts_tray_complete sts-tray
`;
}

function zshScript(): string {
  return `# sts-tray completion for zsh: source <(sts-tray completion zsh)
# zsh runs bash completion functions through bashcompinit, which needs compinit's compdef.
if ! (( $+functions[compdef] )); then
  autoload -Uz compinit && compinit -u
fi
autoload -Uz bashcompinit && bashcompinit
${bashScript().split('\n').slice(1).join('\n')}`;
}

function fishScript(): string {
  const quote = (text: string) => `'${text.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  const groups = commandGroups();
  const lines = [
    '# sts-tray completion for fish: sts-tray completion fish | source',
    'complete -c sts-tray -f',
    `complete -c sts-tray -n __fish_use_subcommand -a ${quote(firstWords().join(' '))}`,
  ];
  for (const group of groups) {
    const subs = COMMAND_SPECS.filter((s) => s.name.startsWith(`${group} `)).map((s) => s.name.split(' ')[1] ?? '');
    lines.push(`complete -c sts-tray -n ${quote(`__fish_seen_subcommand_from ${group}; and not __fish_seen_subcommand_from ${subs.join(' ')}`)} -a ${quote(subs.join(' '))}`);
  }
  for (const spec of COMMAND_SPECS) {
    const words = spec.name.split(' ');
    const when = quote(words.map((w) => `__fish_seen_subcommand_from ${w}`).join('; and '));
    for (const [flag, option] of Object.entries({ ...spec.options, ...GLOBAL_OPTIONS })) {
      const values = option.choices ? ` -a ${quote(option.choices.join(' '))}` : '';
      lines.push(`complete -c sts-tray -n ${when} -l ${flag}${option.short ? ` -s ${option.short}` : ''}${option.type === 'string' ? ' -r' : ''}${values} -d ${quote(option.help)}`);
    }
    const shells = shellArgs[spec.name];
    if (shells) lines.push(`complete -c sts-tray -n ${when} -a ${quote(shells.join(' '))}`);
    else if (spec.roleArgs) lines.push(`complete -c sts-tray -n ${when} -a '(sts-tray role list --names 2>/dev/null)'`);
  }
  return `${lines.join('\n')}\n`;
}

export function completionScript(shell: string): string {
  switch (shell) {
    case 'bash':
      return bashScript();
    case 'zsh':
      return zshScript();
    case 'fish':
      return fishScript();
    default:
      throw new StsTrayError('usage', `completion takes one of ${COMPLETION_SHELLS.join(', ')} (got "${shell}")`);
  }
}
