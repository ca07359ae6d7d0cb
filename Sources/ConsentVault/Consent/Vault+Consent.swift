import Foundation

/// The consent ledger's operations: grant, deny, withdraw, confirm double opt-in, show, history.
extension Vault {
    /// One purpose's consent state for a member, as `consent show` prints it.
    public struct PurposeConsent: Sendable, Equatable {
        /// Purpose id.
        public let purpose: String
        /// Its lawful basis.
        public let lawfulBasis: LawfulBasis
        /// Purpose-wide consent state (`none` for purposes not based on consent).
        public let state: ConsentState
        /// States of field-specific consents, by field.
        public let fields: [String: ConsentState]
    }

    /// Grants consent for `request`. With double opt-in the consent is pending and a one-time
    /// token is returned (stored only as a hash); a minor needs `evidence.guardianConsent`.
    public func grant(_ request: ConsentRequest, for member: MemberID, channel: Channel,
                      evidence: ConsentEvidence = ConsentEvidence(), as principal: Principal) throws -> GrantResult {
        try audited(principal, .consentGrant, purpose: request.purpose, member: member, fields: request.field.map { [$0] } ?? []) { _ in
            _ = try memberRecord(member)
            let grant = try recordGrant(request, for: member, birthday: try storedBirthday(of: member), channel: channel,
                                        evidence: evidence, actor: principal)
            _ = try evaluateRewards(for: member, actor: principal)
            return grant
        }
    }

    /// Records that the member declined `request`.
    public func deny(_ request: ConsentRequest, for member: MemberID, channel: Channel?, as principal: Principal) throws {
        try audited(principal, .consentGrant, purpose: request.purpose, member: member, fields: request.field.map { [$0] } ?? []) { _ in
            _ = try memberRecord(member)
            let purpose = try consentPurpose(request)
            try ConsentLedger(database: database).append(member: member, purpose: purpose, field: request.field, kind: .deny,
                                                         channel: channel, evidence: ConsentEvidence(), actor: principal, now: clock())
            try enforceRemainingBasis(after: purpose, fields: request.field.map { [$0] } ?? purpose.fields, of: member)
        }
    }

    /// Withdraws consent, effective for the very next read (GDPR Art. 7(3)). Zero-party values
    /// left without any lawful basis are deleted (or restricted, if the purpose says so) in the
    /// same transaction.
    public func withdraw(_ request: ConsentRequest, for member: MemberID, channel: Channel? = nil, as principal: Principal) throws {
        try audited(principal, .consentWithdraw, purpose: request.purpose, member: member, fields: request.field.map { [$0] } ?? []) { _ in
            _ = try memberRecord(member)
            let purpose = try consentPurpose(request)
            let ledger = ConsentLedger(database: database)
            let relevant = try ledger.events(of: member).filter { $0.purpose == purpose.id && (request.field == nil || $0.field == request.field) }
            let state = ConsentEvaluator.derive(relevant.filter { $0.field == request.field }, purpose: purpose, now: clock()).state
            let anyFieldInForce = request.field == nil && Set(relevant.compactMap(\.field)).contains { field in
                [.active, .pending, .needsReconsent].contains(ConsentEvaluator.derive(relevant.filter { $0.field == field }, purpose: purpose, now: clock()).state)
            }
            guard [.active, .pending, .needsReconsent].contains(state) || anyFieldInForce else {
                throw ConsentError.nothingToWithdraw(purpose: purpose.id)
            }
            try ledger.append(member: member, purpose: purpose, field: request.field, kind: .withdraw, channel: channel,
                              evidence: ConsentEvidence(), actor: principal, now: clock())
            if request.field == nil {
                for field in Set(relevant.compactMap(\.field)) {
                    try ledger.append(member: member, purpose: purpose, field: field, kind: .withdraw, channel: channel,
                                      evidence: ConsentEvidence(), actor: principal, now: clock())
                }
            }
            try enforceRemainingBasis(after: purpose, fields: request.field.map { [$0] } ?? purpose.fields, of: member)
        }
    }

    /// Confirms a pending double opt-in with its token. Wrong, expired and reused tokens are refused.
    public func confirm(token: String, for member: MemberID, as principal: Principal) throws -> GrantResult {
        try audited(principal, .consentConfirm, member: member) { record in
            _ = try memberRecord(member)
            let rows = try database.statement("SELECT purpose, field, expires_at, used_at FROM doi_tokens WHERE token_hash = ?1 AND member_id = ?2")
                .rows([.blob(try tokenHash(token)), .text(member.rawValue)])
            guard let row = rows.first, let purpose = policies.purposes.purpose(row[0].text ?? "") else { throw ConsentError.invalidToken }
            guard row[3] == .null else { throw ConsentError.usedToken }
            guard let expiry = Timestamp.date(row[2].text ?? ""), expiry > clock() else { throw ConsentError.expiredToken }
            let field = (row[1].text ?? "").isEmpty ? nil : row[1].text
            record.purpose = purpose.id
            try database.statement("UPDATE doi_tokens SET used_at = ?2 WHERE token_hash = ?1")
                .run([.blob(try tokenHash(token)), .text(Timestamp.string(clock()))])
            try ConsentLedger(database: database).append(member: member, purpose: purpose, field: field, kind: .doiConfirmed,
                                                         channel: nil, evidence: ConsentEvidence(), actor: principal, now: clock())
            _ = try evaluateRewards(for: member, actor: principal)
            return GrantResult(member: member, purpose: purpose.id, field: field, state: .active, token: nil)
        }
    }

    /// The member's current consent state for every purpose of the policy.
    public func consents(of member: MemberID, as principal: Principal) throws -> [PurposeConsent] {
        try audited(principal, .consentShow, member: member) { _ in
            _ = try memberRecord(member)
            let events = try ConsentLedger(database: database).events(of: member)
            return policies.purposes.purposes.map { purpose in
                let own = events.filter { $0.purpose == purpose.id }
                let fields = Set(own.compactMap(\.field))
                return PurposeConsent(
                    purpose: purpose.id, lawfulBasis: purpose.lawfulBasis,
                    state: ConsentEvaluator.derive(own.filter { $0.field == nil }, purpose: purpose, now: clock()).state,
                    fields: Dictionary(uniqueKeysWithValues: fields.map { field in
                        (field, ConsentEvaluator.derive(own.filter { $0.field == field }, purpose: purpose, now: clock()).state)
                    }))
            }
        }
    }

    /// Every consent event of the member with the notice text shown, oldest first.
    public func consentHistory(of member: MemberID, as principal: Principal) throws -> [(event: ConsentEvent, noticeText: String?)] {
        try audited(principal, .consentHistory, member: member) { _ in
            _ = try memberRecord(member)
            let notice = try database.statement("SELECT text FROM notices WHERE purpose = ?1 AND version = ?2 AND language = ?3")
            return try ConsentLedger(database: database).events(of: member).map { event in
                guard let version = event.noticeVersion else { return (event, nil) }
                let text = try notice.rows([.text(event.purpose), .integer(Int64(version)), .text(event.language ?? "de")]).first?.first?.text
                return (event, text)
            }
        }
    }

    // MARK: - Shared by enrollment and grant

    /// Appends a grant (and, for double opt-in, a token and a `doi_sent` event). Runs inside the
    /// caller's transaction.
    func recordGrant(_ request: ConsentRequest, for member: MemberID, birthday: String?, channel: Channel,
                     evidence: ConsentEvidence, actor: Principal) throws -> GrantResult {
        let purpose = try consentPurpose(request)
        if let birthday, let age = BirthDate.age(of: birthday, on: BirthDate.Day.today(clock())),
           age < purpose.effectiveMinimumAge, !evidence.guardianConsent {
            throw ConsentError.minorNeedsGuardian(purpose: purpose.id, minimumAge: purpose.effectiveMinimumAge)
        }
        let ledger = ConsentLedger(database: database)
        try ledger.append(member: member, purpose: purpose, field: request.field, kind: .grant, channel: channel,
                          evidence: evidence, actor: actor, now: clock())
        guard purpose.doubleOptIn else {
            return GrantResult(member: member, purpose: purpose.id, field: request.field, state: .active, token: nil)
        }
        let token = "cvd_" + KeyFileFormat.hex(Sodium.randomPublicBytes(count: 24))
        let expiry = clock().addingTimeInterval(TimeInterval(purpose.doiTokenHours ?? 48) * 3600)
        try database.statement("INSERT INTO doi_tokens (token_hash, member_id, purpose, field, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)")
            .run([.blob(try tokenHash(token)), .text(member.rawValue), .text(purpose.id), .text(request.field ?? ""), .text(Timestamp.string(expiry))])
        try ledger.append(member: member, purpose: purpose, field: request.field, kind: .doiSent, channel: channel,
                          evidence: ConsentEvidence(language: evidence.language), actor: actor, now: clock())
        return GrantResult(member: member, purpose: purpose.id, field: request.field, state: .pending, token: token)
    }

    /// The purpose of a consent request, checked: known, consent-based, and using the field.
    private func consentPurpose(_ request: ConsentRequest) throws -> Purpose {
        guard let purpose = policies.purposes.purpose(request.purpose) else { throw ConsentError.unknownPurpose(request.purpose) }
        guard purpose.lawfulBasis == .consent else {
            throw ConsentError.notConsentBased(purpose: purpose.id, basis: purpose.lawfulBasisName)
        }
        if let field = request.field, !purpose.fields.contains(field) {
            throw ConsentError.fieldNotInPurpose(purpose: purpose.id, field: field)
        }
        return purpose
    }

    /// Deletes (or restricts) zero-party values among `fields` that no purpose covers any more.
    private func enforceRemainingBasis(after withdrawn: Purpose, fields: [String], of member: MemberID) throws {
        let events = try ConsentLedger(database: database).events(of: member)
        for field in fields where catalog.definition(of: field)?.party == .zero {
            let stillCovered = policies.purposes.purposes.contains { purpose in
                guard purpose.fields.contains(field), purpose.aggregateOnly != true else { return false }
                guard purpose.lawfulBasis == .consent else { return true }
                let state = ConsentEvaluator.effective(for: field, in: events, purpose: purpose, now: clock()).state
                return state == .active || state == .pending
            }
            if stillCovered { continue }
            switch withdrawn.withdrawalHandling {
            case .delete: try removeField(field, of: member)
            case .restrict:
                try database.statement("INSERT OR IGNORE INTO field_restrictions (member_id, field, since) VALUES (?1, ?2, ?3)")
                    .run([.text(member.rawValue), .text(field), .text(Timestamp.string(clock()))])
            }
        }
    }
}
