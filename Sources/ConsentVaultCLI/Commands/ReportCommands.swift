import ConsentVault
import Foundation

/// `consent-vault report profiling`: programme insight from aggregates only.
enum ReportCommands {
    /// The report commands.
    static let specs: [CommandSpec] = [
        CommandSpec(path: ["report", "profiling"], summary: "How well progressive profiling works, from aggregates only",
                    discussion: "Never prints a member id or a value. Counts below the policy's minimum group size\n(report_minimum_group_size in rewards.json) are shown as '<k' and rates built from them as '-'.",
                    run: profiling),
    ]

    private static func profiling(_ invocation: Invocation) throws {
        _ = try invocation.checkedPositional()
        let (vault, principal) = try invocation.openVault()
        let report = try vault.profiles.report(as: principal)
        invocation.json ? Output.json(json(report)) : print(text(report))
    }

    private static func json(_ report: ProfilingReport) -> [String: Any] {
        func value(_ number: Int?) -> Any { number.map { $0 as Any } ?? NSNull() }
        return [
            "minimum_group_size": report.minimumGroupSize, "members": value(report.members),
            "completeness": report.completeness.map { ["fields_shared": $0.fieldsShared, "members": value($0.members)] },
            "fields": report.fields.map { ["field": $0.field, "shared": value($0.shared), "declined": value($0.declined),
                                           "share_rate_percent": value($0.shareRatePercent), "decline_rate_percent": value($0.declineRatePercent)] },
            "purposes": report.purposes.map { ["purpose": $0.purpose, "active": value($0.active), "rate_percent": value($0.ratePercent)] },
            "rules": report.rules.map { ["rule": $0.rule, "awards": value($0.awards), "points": value($0.points)] },
            "channels": report.channels.map { ["channel": $0.channel.rawValue, "asked": value($0.asked), "shared": value($0.shared),
                                               "conversion_percent": value($0.conversionPercent)] },
        ]
    }

    private static func text(_ report: ProfilingReport) -> String {
        let k = report.minimumGroupSize
        func count(_ number: Int?) -> String { number.map(String.init) ?? "<\(k)" }
        func rate(_ number: Int?) -> String { number.map { "\($0)%" } ?? "-" }
        var lines = ["Profiling report (groups under \(k) suppressed)", "members: \(count(report.members))", "", "profile completeness:"]
        lines += report.completeness.map { "  \($0.fieldsShared) field(s) shared: \(count($0.members)) members" }
        lines += ["", "fields:"] + report.fields.map {
            "  \($0.field): shared \(count($0.shared)) (\(rate($0.shareRatePercent))), declined \(count($0.declined)) (\(rate($0.declineRatePercent)) of asked)"
        }
        lines += ["", "consent by purpose:"] + report.purposes.map { "  \($0.purpose): \(count($0.active)) (\(rate($0.ratePercent)))" }
        lines += ["", "points by rule:"] + report.rules.map { "  \($0.rule): \(count($0.awards)) awards, \($0.points.map(String.init) ?? "-") points" }
        lines += ["", "ask to share by channel:"] + report.channels.map {
            "  \($0.channel.rawValue): asked \(count($0.asked)), shared \(count($0.shared)) (\(rate($0.conversionPercent)))"
        }
        return lines.joined(separator: "\n")
    }
}
