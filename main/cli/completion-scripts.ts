/**
 * The scripts `pmtoken completion <shell>` prints. Each passes the words
 * before the cursor to `pmtoken __complete` and shows its lines (see
 * complete.ts), so the logic lives once, in TypeScript.
 */

const bash = `# pmtoken completion for bash. Load it with: source <(pmtoken completion bash)
_pmtoken() {
  local cur=\${COMP_WORDS[COMP_CWORD]} line
  local -a lines=()
  while IFS= read -r line; do lines+=("$line"); done < <(pmtoken __complete --current="$cur" -- "\${COMP_WORDS[@]:1:COMP_CWORD-1}" 2>/dev/null)
  COMPREPLY=()
  case \${lines[0]-} in
    :dirs) while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -d -- "$cur"); compopt -o filenames 2>/dev/null ;;
    :files) while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "$cur"); compopt -o filenames 2>/dev/null ;;
    :commands) while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -c -- "$cur") ;;
    *) for line in "\${lines[@]}"; do COMPREPLY+=("$(printf '%q' "\${line%%$'\\t'*}")"); done ;;
  esac
}
complete -F _pmtoken pmtoken
`;

const zsh = `#compdef pmtoken
# pmtoken completion for zsh. Load it with: source <(pmtoken completion zsh)
# (after compinit), or save it as _pmtoken in a folder of your $fpath.
_pmtoken() {
  local -a lines described
  local line
  lines=("\${(@f)$(pmtoken __complete --current="\${words[CURRENT]}" -- "\${(@)words[2,CURRENT-1]}" 2>/dev/null)}")
  case \${lines[1]} in
    :dirs) _files -/ ;;
    :files) _files ;;
    :commands) _command_names -e ;;
    *)
      for line in $lines; do
        [[ -n $line ]] || continue
        if [[ $line == *$'\\t'* ]]; then
          described+=("\${\${line%%$'\\t'*}//:/\\\\:}:\${line#*$'\\t'}")
        else
          described+=("\${line//:/\\\\:}")
        fi
      done
      (( \${#described} )) && _describe -t values pmtoken described
      ;;
  esac
}
if [[ "\${funcstack[1]}" == _pmtoken ]]; then _pmtoken "$@"; else compdef _pmtoken pmtoken; fi
`;

const fish = `# pmtoken completion for fish. Load it with: pmtoken completion fish | source
function __pmtoken_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l cur (commandline -ct)
    set -l lines (pmtoken __complete --current="$cur" -- $words 2>/dev/null)
    switch "$lines[1]"
        case :dirs
            __fish_complete_directories "$cur"
        case :files
            __fish_complete_path "$cur"
        case :commands
            complete -C "$cur"
        case '*'
            printf '%s\\n' $lines
    end
end
complete -c pmtoken -f -a '(__pmtoken_complete)'
`;

const powershell = `# pmtoken completion for PowerShell. Load it with:
#   pmtoken completion powershell | Out-String | Invoke-Expression
Register-ArgumentCompleter -Native -CommandName pmtoken -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements | Select-Object -Skip 1 |
        Where-Object { $_.Extent.EndOffset -lt $cursorPosition } | ForEach-Object { $_.ToString() })
    $lines = @(& pmtoken __complete "--current=$wordToComplete" '--' @words 2>$null)
    # A directive (:dirs, :files, :commands): let PowerShell complete paths itself.
    if ($lines.Count -gt 0 -and $lines[0].StartsWith(':')) { return }
    foreach ($line in $lines) {
        $parts = $line -split "\`t", 2
        $tip = if ($parts.Count -gt 1) { $parts[1] } else { $parts[0] }
        [System.Management.Automation.CompletionResult]::new($parts[0], $parts[0], 'ParameterValue', $tip)
    }
}
`;

/** The shells `pmtoken completion` knows. */
export const completionShells = ['bash', 'zsh', 'fish', 'powershell'] as const;

/** The completion script for `shell`. */
export const completionScripts: Record<(typeof completionShells)[number], string> = { bash, zsh, fish, powershell };
