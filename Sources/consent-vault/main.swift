import ConsentVault
import Foundation

/// Every command the tool knows, in the order `--help` lists them.
let allCommands: [CommandSpec] = VaultCommands.specs + KeyCommands.specs + MemberCommands.specs + ImportCommand.specs + ConsentCommands.specs
    + ProfileCommands.specs + ReportCommands.specs + RequestCommands.specs + PromptCommands.specs + BenchCommand.specs + PolicyCommands.specs + TokenCommands.specs + AuditCommands.specs + DemoCommand.specs

/// Exit statuses, as swift-argument-parser and sysexits use them.
enum ExitStatus {
    /// Success.
    static let success: Int32 = 0
    /// Any failure other than a usage error.
    static let failure: Int32 = 1
    /// The command line was wrong (EX_USAGE).
    static let usage: Int32 = 64
}

/// Finds the command named by the leading words of `arguments`, runs it, and returns the exit status.
@MainActor
func runCommandLine(_ arguments: [String]) -> Int32 {
    if arguments == ["--version"] { Output.line(Help.version); return ExitStatus.success }
    var words = arguments
    let asksHelp = words.first == "help"
    if asksHelp { words.removeFirst() }
    if words.isEmpty || ["-h", "--help"].contains(words[0]) {
        let text = Help.overview(allCommands)
        if words.isEmpty && !asksHelp { Output.error(text); return ExitStatus.usage }
        Output.line(text)
        return ExitStatus.success
    }
    guard let spec = allCommands.filter({ Array(words.prefix($0.path.count)) == $0.path }).max(by: { $0.path.count < $1.path.count }) else {
        if allCommands.contains(where: { $0.path.first == words[0] }) {
            let groupHelp = Help.group(words[0], allCommands)
            let asked = asksHelp || words.dropFirst().contains { ["-h", "--help"].contains($0) }
            if asked { Output.line(groupHelp); return ExitStatus.success }
            Output.error(words.count > 1 ? "Error: unknown command '\(words[0]) \(words[1])'\n\n\(groupHelp)" : groupHelp)
            return ExitStatus.usage
        }
        Output.error("Error: unknown command '\(words[0])'\nHint: run 'consent-vault --help' to list the commands")
        return ExitStatus.usage
    }
    do {
        let invocation = try Invocation(spec: spec, arguments: Array(words.dropFirst(spec.path.count)))
        if invocation.wantsHelp || asksHelp { Output.line(Help.command(spec)); return ExitStatus.success }
        try spec.run(invocation)
        return ExitStatus.success
    } catch is SilentFailure {
        return ExitStatus.failure
    } catch let error as UsageError {
        Output.error("Error: \(error.description)\nHint: see 'consent-vault \((error.command + ["--help"]).joined(separator: " "))'")
        return ExitStatus.usage
    } catch {
        Output.error(ErrorReport.message(for: error))
        return ExitStatus.failure
    }
}

exit(runCommandLine(Array(CommandLine.arguments.dropFirst())))
