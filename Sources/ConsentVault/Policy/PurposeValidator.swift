/// Checks `purposes.json` for everything decoding cannot see, including references to fields.
enum PurposeValidator {
    private static let languages = ["de", "en"]
    /// What a purpose's retention may count from.
    static let retentionStarts: Set<String> = ["collected", "consent_withdrawn", "account_closed"]

    /// Every problem in `catalog`; `fields` (when it decoded) resolves field names.
    static func problems(in catalog: PurposeCatalog, fields: FieldCatalog?) -> [PolicyProblem] {
        var problems: [PolicyProblem] = []
        func report(_ path: String, _ message: String) { problems.append(PolicyProblem(file: PurposeCatalog.fileName, path: path, message: message)) }
        if catalog.version < 1 { report("$.version", "must be 1 or higher") }
        var seen: Set<String> = []
        for (index, purpose) in catalog.purposes.enumerated() {
            let path = "$.purposes[\(index)]"
            if !seen.insert(purpose.id).inserted { report("\(path).id", "duplicate purpose id '\(purpose.id)'") }
            if purpose.id.range(of: "^[a-z][a-z0-9_]*$", options: .regularExpression) == nil {
                report("\(path).id", "'\(purpose.id)' must be lowercase letters, digits and '_'")
            }
            for language in languages where (purpose.description[language] ?? "").isEmpty {
                report("\(path).description.\(language)", "missing description text")
            }
            let basis = LawfulBasis(rawValue: purpose.lawfulBasisName)
            if basis == nil {
                report("\(path).lawful_basis", "unknown lawful basis '\(purpose.lawfulBasisName)'; expected one of \(LawfulBasis.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if purpose.fields.isEmpty { report("\(path).fields", "must list at least one field") }
            // Direct marketing by email or phone needs consent (UWG § 7, Art. 21(3)): no other basis may carry it.
            if purpose.directMarketing == true, purpose.lawfulBasisName != LawfulBasis.consent.rawValue {
                report("\(path).lawful_basis", "a direct_marketing purpose must be based on consent")
            }
            for (fieldIndex, field) in purpose.fields.enumerated() where fields != nil && fields?.definition(of: field) == nil {
                report("\(path).fields[\(fieldIndex)]", "unknown field '\(field)'")
            }
            if let notice = purpose.notice {
                if notice.version < 1 { report("\(path).notice.version", "must be 1 or higher") }
                if let material = notice.materialVersion, material < 1 || material > notice.version {
                    report("\(path).notice.material_version", "must be between 1 and the notice version")
                }
                for language in languages where (notice.text[language] ?? "").isEmpty {
                    report("\(path).notice.text.\(language)", "missing notice text")
                }
            } else if basis == .consent {
                report("\(path).notice", "a consent purpose needs a notice with a version and a text per language")
            }
            if purpose.doubleOptIn && basis != .consent { report("\(path).double_opt_in", "only consent purposes can require double opt-in") }
            if let hours = purpose.doiTokenHours, !(1...720).contains(hours) { report("\(path).doi_token_hours", "must be between 1 and 720") }
            if let age = purpose.minimumAge, !(0...21).contains(age) { report("\(path).minimum_age", "must be between 0 and 21") }
            if let days = purpose.consentValidDays, days < 1 { report("\(path).consent_valid_days", "must be 1 or more") }
            if let handling = purpose.onWithdrawal, WithdrawalHandling(rawValue: handling) == nil {
                report("\(path).on_withdrawal", "must be 'delete' or 'restrict'")
            }
            if purpose.retention.days < 1 { report("\(path).retention.days", "must be 1 or more") }
            if !retentionStarts.contains(purpose.retention.after) {
                report("\(path).retention.after", "must be one of \(retentionStarts.sorted().joined(separator: ", "))")
            }
        }
        return problems
    }
}
