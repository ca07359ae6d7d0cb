import ConsentVault
import Foundation

/// `consent-vault retention run`: applies retention.json.
enum RetentionCommands {
    /// The retention command group.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["retention", "run"], summary: "Apply the retention rules of retention.json",
                    options: [OptionSpec(name: .dryRun, valueName: nil, help: "report what would happen; change nothing")], run: retention),
    ]

    private static func retention(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let (vault, principal) = try invocation.openVault()
        let terminal = isatty(STDERR_FILENO) == 1
        let outcomes = try vault.retention.run(dryRun: invocation.flag(.dryRun), as: principal) { progress in
            if terminal { FileHandle.standardError.write(Data("\r\(progress.rule): \(progress.membersDone)".utf8)) }
        }
        if terminal { FileHandle.standardError.write(Data("\n".utf8)) }
        if invocation.json {
            Output.json(["dry_run": invocation.flag(.dryRun), "rules": outcomes.map {
                ["rule": $0.rule, "members": $0.members, "member_ids": $0.memberIDs.map(\.rawValue)] as [String: Any]
            }])
        } else {
            Output.line(invocation.flag(.dryRun) ? "Retention dry run (nothing changed):" : "Retention run:")
            for outcome in outcomes {
                Output.line("  \(outcome.rule): \(outcome.members) member(s)")
                outcome.memberIDs.forEach { Output.line("    \($0.rawValue)") }
            }
        }
    }
}
