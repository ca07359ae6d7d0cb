import ConsentVault
import Foundation

/// Every command the tool knows, in the order `--help` lists them.
let allCommands: [CommandSpec] = VaultCommands.specs + KeyCommands.specs + MemberCommands.specs + ConsentCommands.specs
    + ProfileCommands.specs + RewardCommands.specs + ReportCommands.specs + DSRCommands.specs + RetentionCommands.specs + BackupCommands.specs + PromptCommands.specs + BenchCommand.specs + PolicyCommands.specs + TokenCommands.specs + AuditCommands.specs + EventCommands.specs + SuppressionCommands.specs + ServeCommand.specs + DemoCommand.specs + CompletionCommand.specs

/// Exit statuses, as swift-argument-parser and sysexits use them.
enum ExitStatus {
    /// Success.
    static let success: Int32 = 0
    /// Any failure other than a usage error.
    static let failure: Int32 = 1
    /// The command line was wrong (EX_USAGE).
    static let usage: Int32 = 64
}

/// What a command line asks for, decided before anything runs.
enum CommandLineRequest {
    /// Print this text on stdout and exit 0 (version, help).
    case show(String)
    /// Print this text on stderr and exit with the usage status.
    case usageError(String)
    /// Run the command with its parsed arguments (`invocation.spec`).
    case run(Invocation)
}

/// Resolves `arguments` to a command and parses its options, without running anything.
func resolveCommandLine(_ arguments: [String]) -> CommandLineRequest {
    if arguments == ["--version"] { return .show(Help.version) }
    var words = movingLeadingGlobalOptions(arguments)
    let asksHelp = words.first == "help"
    if asksHelp { words.removeFirst() }
    if words.isEmpty || ["-h", "--help"].contains(words[0]) {
        let text = Help.overview(allCommands)
        return words.isEmpty && !asksHelp ? .usageError(text) : .show(text)
    }
    guard let spec = allCommands.filter({ Array(words.prefix($0.path.count)) == $0.path }).max(by: { $0.path.count < $1.path.count }) else {
        if allCommands.contains(where: { $0.path.first == words[0] }) {
            let groupHelp = Help.group(words[0], allCommands)
            guard words.count > 1 else { return asksHelp ? .show(groupHelp) : .usageError(groupHelp) }
            if ["-h", "--help"].contains(words[1]) { return .show(groupHelp) }
            // `dsr --json` (a global option, no command) or `member --jsno list` (a misspelt one).
            if words[1].hasPrefix("-") { return .usageError(unknownGlobalOption(words[1], before: "'\(words[0])' needs a command") + "\n\n" + groupHelp) }
            let subcommands = allCommands.filter { $0.path.first == words[0] && $0.path.count > 1 }.map { $0.path[1] }
            let suggestion = Suggestion.closest(to: words[1], among: subcommands).map { "\nHint: did you mean 'consent-vault \(words[0]) \($0)'?" } ?? ""
            return .usageError("Error: unknown command '\(words[0]) \(Echo.name(words[1]))'\(suggestion)\n\n\(groupHelp)")
        }
        // Only global options (`--json`), or a misspelt one before the command (`--jsno member list`).
        if words[0].hasPrefix("-") { return .usageError(unknownGlobalOption(words[0], before: "a command is missing")) }
        let suggestion = Suggestion.closest(to: words[0], among: Array(Set(allCommands.compactMap(\.path.first))))
            .map { "did you mean 'consent-vault \($0)'?" } ?? "run 'consent-vault --help' to list the commands"
        return .usageError("Error: unknown command '\(Echo.name(words[0]))'\nHint: \(suggestion)")
    }
    do throws(UsageError) {
        let invocation = try Invocation(spec: spec, arguments: Array(words.dropFirst(spec.path.count)))
        if invocation.wantsHelp || asksHelp { return .show(Help.command(spec)) }
        return .run(invocation)
    } catch {
        return .usageError(words.contains("--json") ? ErrorReport.problemJSON(for: error) : usageMessage(error))
    }
}

/// The error for option `word` where a command was expected: a known global option means the
/// command is missing (`problem`); another is suggested the closest global option.
private func unknownGlobalOption(_ word: String, before problem: String) -> String {
    let name = String(word.drop { $0 == "-" }.prefix { $0 != "=" })
    if globalOptions.contains(where: { $0.name.rawValue == name }) || name == "version" {
        return "Error: \(problem)\nHint: run 'consent-vault --help' to list the commands"
    }
    let suggestion = Suggestion.closest(to: name, among: globalOptions.map(\.name.rawValue) + ["version"]).map { "did you mean '--\($0)'?" }
        ?? "run 'consent-vault --help' to list the global options"
    return "Error: unknown option '--\(Echo.name(name))' before the command\nHint: \(suggestion)"
}

/// `arguments` with global options given before the command (`--json dsr list`) or between a
/// group and its command (`member --vault v.vault list`) moved after it, so they may stand anywhere.
private func movingLeadingGlobalOptions(_ arguments: [String]) -> [String] {
    var (moved, rest) = takingGlobalOptions(arguments[...])
    if let group = rest.first, allCommands.contains(where: { $0.path.count > 1 && $0.path.first == group }) {
        let (afterGroup, command) = takingGlobalOptions(rest.dropFirst())
        moved += afterGroup
        rest = [group] + command
    }
    return Array(rest) + moved
}

/// The global options (with their values) at the start of `words`, and what follows them.
private func takingGlobalOptions(_ words: ArraySlice<String>) -> (options: [String], rest: ArraySlice<String>) {
    var options: [String] = []
    var rest = words
    while let first = rest.first, first.hasPrefix("--"), first != "--help", first != "--version" {
        let name = String(first.dropFirst(2).prefix { $0 != "=" })
        guard let option = globalOptions.first(where: { $0.name.rawValue == name }) else { break }
        options.append(first)
        rest = rest.dropFirst()
        if option.valueName != nil, !first.contains("="), let value = rest.first {
            options.append(value)
            rest = rest.dropFirst()
        }
    }
    return (options, rest)
}

private func usageMessage(_ error: UsageError) -> String {
    "Error: \(error.description)\nHint: see 'consent-vault \((error.command + ["--help"]).joined(separator: " "))'"
}

/// Finds the command named by the leading words of `arguments`, runs it, and returns the exit status.
@MainActor
public func runCommandLine(_ arguments: [String]) -> Int32 {
    switch resolveCommandLine(arguments) {
    case .show(let text):
        Output.line(text)
        return ExitStatus.success
    case .usageError(let text):
        Output.error(text)
        return ExitStatus.usage
    case .run(let invocation):
        do {
            if let server = try RemoteRunner.server(invocation) {
                try RemoteRunner.run(invocation, on: server)
            } else {
                try invocation.spec.run(invocation)
            }
            return ExitStatus.success
        } catch is SilentFailure {
            return ExitStatus.failure
        } catch let error as UsageError {
            Output.error(invocation.json ? ErrorReport.problemJSON(for: error) : usageMessage(error))
            return ExitStatus.usage
        } catch {
            Output.error(invocation.json ? ErrorReport.problemJSON(for: error) : ErrorReport.message(for: error))
            return ExitStatus.failure
        }
    }
}
