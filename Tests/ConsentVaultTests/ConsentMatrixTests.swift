@testable import ConsentVault
import Foundation
import Testing

/// The policy as an independent oracle: `purposes.json` read with JSONSerialization, not with
/// the vault's own model, so a bug in the model cannot make its own test pass.
private struct PurposeOracle {
    let id: String
    let basis: String
    let fields: Set<String>
    let doubleOptIn: Bool
    let aggregateOnly: Bool
    let minimumAge: Int
    let consentValidDays: Int?

    static let all: [PurposeOracle] = {
        let url = TestVault.policyDirectory.appendingPathComponent("purposes.json")
        let document = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return (document["purposes"] as! [[String: Any]]).map {
            PurposeOracle(id: $0["id"] as! String, basis: $0["lawful_basis"] as! String, fields: Set($0["fields"] as! [String]),
                          doubleOptIn: $0["double_opt_in"] as? Bool ?? false, aggregateOnly: $0["aggregate_only"] as? Bool ?? false,
                          minimumAge: $0["minimum_age"] as? Int ?? 16, consentValidDays: $0["consent_valid_days"] as? Int)
        }
    }()
}

/// The consent states of the matrix.
enum MatrixState: String, CaseIterable {
    case none, pending, active, withdrawn, expired, needsReconsent, minor

    /// The denial a consent purpose gives in this state (nil: access).
    var expectedReason: DenialReason? {
        switch self {
        case .none: return .noConsent
        case .pending: return .pendingDoubleOptIn
        case .active: return nil
        case .withdrawn: return .consentWithdrawn
        case .expired: return .consentExpired
        case .needsReconsent: return .needsReconsent
        case .minor: return .minorWithoutGuardian
        }
    }
}

@Suite("Consent matrix: every purpose × field × consent state")
struct ConsentMatrixTests {
    static let cases: [(String, MatrixState)] = PurposeOracle.all.flatMap { purpose in
        purpose.basis == "consent" ? MatrixState.allCases.map { (purpose.id, $0) } : [(purpose.id, MatrixState.none)]
    }

    @Test("each purpose returns exactly the fields the policy allows in each consent state", arguments: cases)
    func matrix(purposeID: String, state: MatrixState) throws {
        let oracle = PurposeOracle.all.first { $0.id == purposeID }!
        if state == .pending && !oracle.doubleOptIn { return }
        if state == .expired && oracle.consentValidDays == nil { return }
        if state == .minor && oracle.minimumAge == 0 { return }
        let test = try TestVault()
        let request = ConsentRequest(purpose: purposeID)
        let member = try test.vault.members.enroll(annaFields.filter { $0.name != "birthday" }, channel: .store, as: admin).member
        switch state {
        case .none: break
        case .pending:
            #expect(try test.vault.consents.grant(request, for: member, channel: .web, as: admin).state == .pending)
        case .active, .withdrawn, .needsReconsent, .minor:
            let grant = try test.vault.consents.grant(request, for: member, channel: .web, as: admin)
            if let token = grant.token { _ = try test.vault.consents.confirm(token: token, for: member, as: admin) }
        case .expired:
            let captured = test.clock.now.addingTimeInterval(-Double(oracle.consentValidDays! + 1) * 86_400)
            let grant = try test.vault.consents.grant(request, for: member, channel: .web, evidence: ConsentEvidence(capturedAt: captured), as: admin)
            if let token = grant.token { _ = try test.vault.consents.confirm(token: token, for: member, as: admin) }
        }
        let birthday = state == .minor ? minorBirthday(age: oracle.minimumAge - 1, today: test.clock.now) : "1990-12-24"
        try test.vault.members.set("birthday", to: birthday, for: member, as: admin)
        if state == .withdrawn { try test.vault.consents.withdraw(request, for: member, as: admin) }
        if state == .needsReconsent {
            let changed = try test.editedPolicies { document in
                var purposes = document["purposes"] as! [[String: Any]]
                for index in purposes.indices where purposes[index]["id"] as? String == purposeID {
                    var notice = purposes[index]["notice"] as! [String: Any]
                    notice["version"] = (notice["version"] as! Int) + 1
                    notice["material_version"] = notice["version"]
                    purposes[index]["notice"] = notice
                }
                document["purposes"] = purposes
            }
            try test.vault.applyPolicies(try PolicySet.load(fromDirectory: changed), as: admin)
        }

        let everyField = test.vault.catalog.fields.map(\.name)
        let result = try test.vault.members.read(member, purpose: purposeID, fields: everyField, as: admin)
        let consentAllows = oracle.basis != "consent" || state == .active
        let expected = oracle.aggregateOnly || !consentAllows ? [] : oracle.fields
        #expect(Set(result.fields.keys) == expected, "\(purposeID) in state \(state)")
        #expect(Set(result.fields.keys).union(result.denied.map(\.field)) == Set(everyField), "every field is returned or denied")
        for denial in result.denied where oracle.fields.contains(denial.field) && !oracle.aggregateOnly {
            #expect(denial.reason == state.expectedReason, "\(purposeID).\(denial.field) in state \(state)")
        }
        for denial in result.denied where !oracle.fields.contains(denial.field) { #expect(denial.reason == .notInPurpose) }
    }

    /// A birth date that makes the member exactly `age` years old today (age years and ~6 months).
    private func minorBirthday(age: Int, today: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let born = calendar.date(byAdding: .day, value: -180, to: calendar.date(byAdding: .year, value: -age, to: today)!)!
        return String(Timestamp.string(born).prefix(10))
    }
}
