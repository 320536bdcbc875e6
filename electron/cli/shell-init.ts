// `sts-tray shell-init bash|zsh|fish|pwsh`: the `sts` function a shell loads from its rc file,
// so `sts assume NAME` sets the current shell's AWS variables (a child process cannot), `sts
// assume` alone offers a picker, and `sts --unset` clears them. Anything else goes to
// sts-tray itself. The function runs this very sts-tray (Node and the CLI file by absolute
// path), so it works whatever the shell's PATH; the MFA and prd questions reach the terminal
// because only stdout is captured.

import { EXPORT_VARIABLES } from '../core/export-format.js';
import { StsTrayError } from '../core/errors.js';
import { cliLauncher } from './cli-launcher.js';
import { SHELLS } from './command-specs.js';

const posix = (word: string) => `'${word.replaceAll("'", `'\\''`)}'`;
const pwsh = (word: string) => `'${word.replaceAll("'", "''")}'`;
const fish = (word: string) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
const UNSET = [...EXPORT_VARIABLES, 'STS_TRAY_ROLE'];

function posixFunction(shell: 'bash' | 'zsh', run: string): string {
  return `# sts-tray shell integration for ${shell}: add to ~/.${shell}rc
#   eval "$(sts-tray shell-init ${shell})"
# sts assume NAME   set this shell's AWS variables to the role's (asks for a code or prd as sts-tray does)
# sts assume        pick the role from a list
# sts --unset       clear them again
sts() {
  if [ "$1" = "--unset" ]; then
    unset ${UNSET.join(' ')}
    return 0
  fi
  if [ "$1" = "assume" ]; then
    shift
    local sts_role=""
    if [ "$#" -gt 0 ] && [ "\${1#-}" = "$1" ]; then
      sts_role="$1"
      shift
    fi
    if [ -z "$sts_role" ]; then
      sts_role="$(${run} pick)" || return $?
    fi
    local sts_lines
    sts_lines="$(${run} export "$sts_role" --format bash "$@")" || return $?
    eval "$sts_lines"
    export STS_TRAY_ROLE="$sts_role"
    return 0
  fi
  ${run} "$@"
}
`;
}

function fishFunction(run: string): string {
  return `# sts-tray shell integration for fish: add to ~/.config/fish/config.fish
#   sts-tray shell-init fish | source
# sts assume NAME / sts assume (a picker) / sts --unset
function sts --description 'sts-tray: set this shell\\'s AWS variables to a role\\'s'
    if test (count $argv) -gt 0; and test "$argv[1]" = --unset
        set -e ${UNSET.join(' ')}
        return 0
    end
    if test (count $argv) -gt 0; and test "$argv[1]" = assume
        set -l rest $argv[2..-1]
        set -l role
        if test (count $rest) -gt 0; and not string match -q -- '-*' $rest[1]
            set role $rest[1]
            set rest $rest[2..-1]
        end
        if test -z "$role"
            set role (${run} pick); or return $status
        end
        set -l lines (${run} export $role --format fish $rest); or return $status
        string join \\n -- $lines | source
        set -gx STS_TRAY_ROLE $role
        return 0
    end
    ${run} $argv
end
`;
}

function pwshFunction(run: string): string {
  const removals = UNSET.map((name) => `    Remove-Item Env:${name} -ErrorAction SilentlyContinue`).join('\n');
  return `# sts-tray shell integration for PowerShell: add to $PROFILE
#   sts-tray shell-init pwsh | Out-String | Invoke-Expression
# sts assume NAME / sts assume (a picker) / sts --unset
function sts {
  if ($args.Count -gt 0 -and $args[0] -eq '--unset') {
${removals}
    return
  }
  if ($args.Count -gt 0 -and $args[0] -eq 'assume') {
    $rest = @($args | Select-Object -Skip 1)
    $role = $null
    if ($rest.Count -gt 0 -and -not ([string]$rest[0]).StartsWith('-')) {
      $role = [string]$rest[0]
      $rest = @($rest | Select-Object -Skip 1)
    }
    if (-not $role) {
      $role = & ${run} pick
      if ($LASTEXITCODE -ne 0) { return }
    }
    $lines = & ${run} export $role --format pwsh @rest
    if ($LASTEXITCODE -ne 0) { return }
    Invoke-Expression ($lines -join [Environment]::NewLine)
    $Env:STS_TRAY_ROLE = $role
    return
  }
  & ${run} @args
}
`;
}

export function shellInit(shell: string): string {
  const launcher = cliLauncher();
  switch (shell) {
    case 'bash':
    case 'zsh':
      return posixFunction(shell, launcher.map(posix).join(' '));
    case 'fish':
      return fishFunction(launcher.map(fish).join(' '));
    case 'pwsh':
      return pwshFunction(launcher.map(pwsh).join(' '));
    default:
      throw new StsTrayError('usage', `shell-init takes one of ${SHELLS.join(', ')} (got "${shell}")`);
  }
}
