import ConsentVault

/// `consent-vault completion bash|zsh`: a shell completion script built from the command table, so it
/// never lists a command or option the tool lacks.
enum CompletionCommand {
    /// The completion command.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["completion"], summary: "Print a shell completion script (bash or zsh)", arguments: ["<shell>"],
                    discussion: """
                        bash: source <(consent-vault completion bash)   (or save it in /etc/bash_completion.d/)
                        zsh:  source <(consent-vault completion zsh)    (uses bash completion through bashcompinit)
                        """,
                    run: print),
    ]

    private static func print(_ invocation: Invocation) throws {
        let shell = try invocation.checkedPositional()[0]
        guard ["bash", "zsh"].contains(shell) else { throw UsageError(description: "unknown shell '\(Echo.name(shell))'; use bash or zsh", command: invocation.spec.path) }
        Output.line((shell == "zsh" ? "autoload -U +X bashcompinit && bashcompinit\n" : "") + bashScript)
    }

    /// The bash function: the first word completes to a command group, the second to its commands,
    /// later words to the command's options and the global ones.
    static var bashScript: String {
        let groups = Array(Set(allCommands.compactMap(\.path.first))).sorted()
        var cases = ""
        for group in groups {
            let subcommands = allCommands.filter { $0.path.first == group && $0.path.count > 1 }.map { $0.path[1] }
            if !subcommands.isEmpty { cases += "        \(group)) words=\"\(subcommands.joined(separator: " "))\" ;;\n" }
        }
        var options = ""
        for spec in allCommands {
            let names = (spec.options + globalOptions).map { "--" + $0.name.rawValue }.joined(separator: " ")
            options += "        \"\(spec.path.joined(separator: " "))\") words=\"\(names)\" ;;\n"
        }
        return """
            _consent_vault() {
              local current=${COMP_WORDS[COMP_CWORD]} words=""
              if [ "$COMP_CWORD" -eq 1 ]; then
                words="\(groups.joined(separator: " "))"
              elif [ "$COMP_CWORD" -eq 2 ] && [[ "$current" != -* ]]; then
                case "${COMP_WORDS[1]}" in
            \(cases)    esac
              fi
              if [[ "$current" == -* ]]; then
                local command="${COMP_WORDS[1]}"
                [[ "${COMP_WORDS[2]}" != -* && -n "${COMP_WORDS[2]}" && $COMP_CWORD -gt 2 ]] && command="$command ${COMP_WORDS[2]}"
                case "$command" in
            \(options)    esac
              fi
              COMPREPLY=($(compgen -W "$words" -- "$current"))
            }
            complete -F _consent_vault consent-vault
            """
    }
}
