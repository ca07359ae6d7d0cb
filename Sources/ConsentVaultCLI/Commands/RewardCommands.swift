import ConsentVault
import ConsentVaultService
import Foundation

/// `consent-vault rewards …`: balances, the points ledger, corrections and birthday awards.
enum RewardCommands {
    /// The rewards command group.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["rewards", "balance"], summary: "The member's points balance", arguments: ["<id>"], run: balance),
        CommandSpec(path: ["rewards", "ledger"], summary: "The member's points ledger", arguments: ["<id>"], run: ledger),
        CommandSpec(path: ["rewards", "adjust"], summary: "Correct a balance explicitly, with a reason (admin)", arguments: ["<id>"],
                    options: [OptionSpec(name: .points, valueName: "N", help: "points to add (negative to remove)"),
                              OptionSpec(name: .reason, valueName: "TEXT", help: "why (no personal data)")], run: adjust),
        CommandSpec(path: ["rewards", "birthdays"], summary: "Award this year's birthday rewards that are due (run daily)", run: birthdays),
    ]

    private static func balance(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let (vault, principal) = try invocation.openVault()
        let balance = try vault.rewards.balance(of: member, as: principal)
        invocation.json ? Output.json(["member": member.rawValue, "balance": balance]) : Output.line("\(balance)")
    }

    private static func ledger(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let (vault, principal) = try invocation.openVault()
        let entries = try vault.rewards.ledger(of: member, as: principal)
        if invocation.json {
            Output.json(JSONShapes.ledger(member, entries))
        } else {
            for entry in entries { Output.line("#\(entry.sequence) \(entry.at) \(entry.points > 0 ? "+" : "")\(entry.points) \(entry.ruleID) v\(entry.ruleVersion) (\(entry.reason))") }
        }
    }

    private static func adjust(_ invocation: Invocation) throws {
        let member = try invocation.memberID(try invocation.checkedPositional()[0])
        let points = try invocation.requiredInteger(.points)
        let reason = try invocation.required(.reason)
        let (vault, principal) = try invocation.openVault()
        let balance = try vault.rewards.adjust(member, by: points, reason: reason, as: principal)
        invocation.json ? Output.json(["member": member.rawValue, "balance": balance]) : Output.line("balance \(balance)")
    }

    private static func birthdays(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let (vault, principal) = try invocation.openVault()
        let awarded = try vault.rewards.awardBirthdays(as: principal)
        let points = awarded.values.flatMap { $0 }.reduce(0) { $0 + $1.points }
        invocation.json ? Output.json(["members_awarded": awarded.count, "points": points])
            : Output.line("birthday rewards: \(awarded.count) member(s), \(points) points")
    }
}
