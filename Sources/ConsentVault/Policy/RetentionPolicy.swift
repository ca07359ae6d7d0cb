/// A legal hold: data kept after erasure because a law requires it, until the hold ends.
public struct LegalHold: Codable, Sendable, Equatable {
    /// Stable id, shown in erasure reports.
    public let id: String
    /// The hold applies only to members who have this field (e.g. receipts).
    public let appliesWhenFieldPresent: String?
    /// Fields kept (readable only for `purpose`).
    public let fields: [String]?
    /// Records kept under a pseudonym.
    public let records: HeldRecords?
    /// Years the data is kept, counted from the end of the calendar year in which the last record
    /// was made (HGB § 257(5), AO § 147(4), BGB § 199(1)).
    public let years: Int
    /// The legal basis, quoted in erasure reports and exports.
    public let basis: String
    /// The legal-obligation purpose that may still read held fields.
    public let purpose: String?

    enum CodingKeys: String, CodingKey {
        case id, fields, records, years, basis, purpose
        case appliesWhenFieldPresent = "applies_when_field_present"
    }

    /// The last day of the hold for a record made on `day`: 31 December, `years` after its year.
    public func endDay(forRecordMadeOn day: CalendarDay) -> String {
        String(format: "%04d-12-31", day.year + years)
    }

    /// The first day whose records are still held on `today`: records made before it have ended.
    public func earliestHeldDay(on today: CalendarDay) -> CalendarDay {
        CalendarDay(year: today.year - years, month: 1, day: 1)
    }
}

/// A rule the retention run applies by itself.
public struct RetentionRun: Codable, Sendable, Equatable {
    /// Stable id.
    public let id: String
    /// What it does.
    public let action: RetentionAction
    /// Days since the member's last activity (or since the grant, for double opt-ins).
    public let afterDays: Int
    /// For people.
    public let description: String

    enum CodingKeys: String, CodingKey {
        case id, action, description
        case afterDays = "after_days"
    }
}

/// `Policies/retention.json`: legal holds and the rules of the retention run.
public struct RetentionPolicy: Codable, Sendable, Equatable {
    /// File name inside a policy folder.
    public static let fileName = "retention.json"
    /// Raised on every change of the document.
    public let version: Int
    /// Legal holds applied at erasure.
    public let legalHolds: [LegalHold]
    /// Whether erasure keeps the points ledger under a pseudonym or deletes it.
    public let pointsLedgerOnErasure: ErasedPointsHandling
    /// Rules of `retention run`.
    public let rules: [RetentionRun]

    enum CodingKeys: String, CodingKey {
        case version, rules
        case legalHolds = "legal_holds"
        case pointsLedgerOnErasure = "points_ledger_on_erasure"
    }
}

/// Checks `retention.json`.
enum RetentionValidator {
    /// Every problem in `policy`.
    static func problems(in policy: RetentionPolicy, fields: FieldCatalog?, purposes: PurposeCatalog?) -> [PolicyProblem] {
        var problems: [PolicyProblem] = []
        func report(_ path: String, _ message: String) { problems.append(PolicyProblem(file: RetentionPolicy.fileName, path: path, message: message)) }
        for (index, hold) in policy.legalHolds.enumerated() {
            let path = "$.legal_holds[\(index)]"
            if hold.years < 1 || hold.years > 30 { report("\(path).years", "must be between 1 and 30") }
            if hold.basis.isEmpty { report("\(path).basis", "a legal hold must name its legal basis") }
            if (hold.fields == nil) == (hold.records == nil) { report(path, "a hold keeps either 'fields' or 'records', not both or neither") }
            for (fieldIndex, field) in (hold.fields ?? []).enumerated() where fields != nil && fields?.definition(of: field) == nil {
                report("\(path).fields[\(fieldIndex)]", "unknown field '\(field)'")
            }
            if let field = hold.appliesWhenFieldPresent, fields != nil, fields?.definition(of: field) == nil {
                report("\(path).applies_when_field_present", "unknown field '\(field)'")
            }
            if hold.fields != nil {
                if let id = hold.purpose, let purpose = purposes?.purpose(id) {
                    if purpose.lawfulBasis != .legalObligation { report("\(path).purpose", "purpose '\(id)' must be based on legal_obligation") }
                } else {
                    report("\(path).purpose", "held fields need a known legal_obligation purpose")
                }
            }
        }
        for (index, rule) in policy.rules.enumerated() {
            if rule.afterDays < 1 { report("$.rules[\(index)].after_days", "must be 1 or more") }
        }
        return problems
    }
}
