/// One purpose's consent state for a member, as `consent show` prints it.
public struct PurposeConsent: Sendable, Equatable {
    /// The purpose this state is for.
    public let purpose: String
    /// Its lawful basis.
    public let lawfulBasis: LawfulBasis
    /// Purpose-wide consent state: for purposes not based on consent `none`, or `withdrawn` after
    /// an objection (Art. 21).
    public let state: ConsentState
    /// States of field-specific consents, by field.
    public let fields: [String: ConsentState]

    /// Whether the purpose may process the member's data now, purpose-wide: an active consent, or
    /// another lawful basis the member has not objected to. Text and JSON both show this one answer.
    public var inForce: Bool { lawfulBasis == .consent ? state == .active : state != .withdrawn }

    /// How a person reads the state: the consent state, `by <basis>`, or the objection.
    public var summary: String {
        if lawfulBasis == .consent { return state.rawValue }
        return inForce ? "by \(lawfulBasis.rawValue)" : "withdrawn (objection to \(lawfulBasis.rawValue))"
    }
}

/// One ledger event with the notice text the member was shown.
public struct ConsentHistoryEntry: Sendable, Equatable {
    /// The event as recorded.
    public let event: ConsentEvent
    /// The notice text of the event's version and language, if the event showed one.
    public let noticeText: String?
}

/// The consent ledger's operations: grant, deny, withdraw, confirm double opt-in, show, history.
public struct ConsentOperations {
    let context: VaultContext

    /// Grants consent for `request`. With double opt-in the consent is pending and a one-time
    /// token is returned (stored only as a hash); a minor needs `evidence.guardianConsent`.
    public func grant(_ request: ConsentRequest, for member: MemberID, channel: Channel,
                      evidence: ConsentEvidence = ConsentEvidence(), as principal: Principal) throws -> GrantResult {
        try context.audited(principal, .consentGrant, purpose: request.purpose, member: member, fields: request.field.map { [$0] } ?? []) { _ in
            _ = try context.memberRecord(member)
            let grant = try context.recordGrant(request, for: member, birthday: try context.storedBirthday(of: member), channel: channel,
                                                evidence: evidence, actor: principal)
            _ = try context.evaluateRewards(for: member, actor: principal)
            return grant
        }
    }

    /// Records that the member declined `request`.
    public func deny(_ request: ConsentRequest, for member: MemberID, channel: Channel?, as principal: Principal) throws {
        try context.audited(principal, .consentGrant, purpose: request.purpose, member: member, fields: request.field.map { [$0] } ?? []) { _ in
            _ = try context.memberRecord(member)
            try context.denyConsent(request, of: member, channel: channel, actor: principal)
            try context.record(.deny(tag: try context.keys.erasureTag(member), purpose: request.purpose, field: request.field))
        }
    }

    /// Withdraws consent, effective for the very next read (GDPR Art. 7(3)). Zero-party values
    /// left without any lawful basis are deleted (or restricted, if the purpose says so) in the
    /// same transaction; the journal keeps a restore from undoing it.
    public func withdraw(_ request: ConsentRequest, for member: MemberID, channel: Channel? = nil, as principal: Principal) throws {
        try context.audited(principal, .consentWithdraw, purpose: request.purpose, member: member,
                            fields: request.field.map { [$0] } ?? []) { _ in
            _ = try context.memberRecord(member)
            try context.withdrawConsent(request, of: member, channel: channel, actor: principal)
            try context.record(.withdraw(tag: try context.keys.erasureTag(member), purpose: request.purpose, field: request.field))
        }
    }

    /// Confirms a pending double opt-in with its token. Wrong, expired and reused tokens are refused.
    public func confirm(token: String, for member: MemberID, as principal: Principal) throws -> GrantResult {
        try context.audited(principal, .consentConfirm, member: member) { record in
            _ = try context.memberRecord(member)
            let hash = try context.tokenHash(token)
            guard let stored = try context.consents.token(hash: hash, of: member),
                  let purpose = context.policies.purposes.purpose(stored.purpose) else { throw ConsentError.invalidToken }
            guard !stored.isUsed else { throw ConsentError.usedToken }
            guard stored.expiresAt > context.clock() else { throw ConsentError.expiredToken }
            record.purpose = purpose.id
            try context.checkNotSuppressed(member, for: purpose)
            try context.consents.markTokenUsed(hash: hash, at: context.timestamp)
            try context.appendConsentEvent(.doiConfirmed, member: member, purpose: purpose, field: stored.field, channel: nil, actor: principal)
            _ = try context.evaluateRewards(for: member, actor: principal)
            return GrantResult(member: member, purpose: purpose.id, field: stored.field, state: .active, token: nil)
        }
    }

    /// Confirms a pending double opt-in by its token alone, as the emailed link's target does
    /// (the link carries no member id). An unknown token is `invalidToken`, as a wrong one is.
    public func confirm(token: String, as principal: Principal) throws -> GrantResult {
        guard let member = try context.consents.member(ofToken: try context.tokenHash(token)) else {
            try context.authorize(principal, .consentConfirm)
            throw ConsentError.invalidToken
        }
        return try confirm(token: token, for: member, as: principal)
    }

    /// The member's current consent state for every purpose of the policy.
    public func states(of member: MemberID, as principal: Principal) throws -> [PurposeConsent] {
        try context.audited(principal, .consentShow, member: member) { _ in
            _ = try context.memberRecord(member)
            let events = try context.consents.events(of: member)
            let now = context.clock()
            return context.policies.purposes.purposes.map { purpose in
                let own = events.filter { $0.purpose == purpose.id }
                let fields = Set(own.compactMap(\.field))
                return PurposeConsent(
                    purpose: purpose.id, lawfulBasis: purpose.lawfulBasis,
                    state: ConsentEvaluator.derive(own.filter { $0.field == nil }, purpose: purpose, now: now).state,
                    fields: Dictionary(uniqueKeysWithValues: fields.map { field in
                        (field, ConsentEvaluator.derive(own.filter { $0.field == field }, purpose: purpose, now: now).state)
                    }))
            }
        }
    }

    /// Every consent event of the member with the notice text shown, oldest first.
    public func history(of member: MemberID, as principal: Principal) throws -> [ConsentHistoryEntry] {
        try context.audited(principal, .consentHistory, member: member) { _ in
            _ = try context.memberRecord(member)
            return try context.consents.events(of: member).map { event in
                ConsentHistoryEntry(event: event, noticeText: try context.noticeText(of: event))
            }
        }
    }
}

extension VaultContext {
    /// Appends a withdrawal for `request` (and for every field consent under a purpose-wide one),
    /// drops unused confirmation links and enforces what basis the member's values have left.
    /// Throws `nothingToWithdraw` when no consent for it is in force.
    func withdrawConsent(_ request: ConsentRequest, of member: MemberID, channel: Channel?, actor: Principal) throws {
        let purpose = try consentPurpose(request)
        let now = clock()
        let relevant = try consents.events(of: member).filter { $0.purpose == purpose.id && (request.field == nil || $0.field == request.field) }
        let inForce: Set<ConsentState> = [.active, .pending, .needsReconsent]
        let state = ConsentEvaluator.derive(relevant.filter { $0.field == request.field }, purpose: purpose, now: now).state
        let fieldsInForce = request.field != nil ? [] : Set(relevant.compactMap(\.field)).filter { field in
            inForce.contains(ConsentEvaluator.derive(relevant.filter { $0.field == field }, purpose: purpose, now: now).state)
        }
        guard inForce.contains(state) || !fieldsInForce.isEmpty else { throw ConsentError.nothingToWithdraw(purpose: purpose.id) }
        try appendConsentEvent(.withdraw, member: member, purpose: purpose, field: request.field, channel: channel, actor: actor)
        // A confirmation link sent before the withdrawal must not bring the consent back.
        try consents.deleteUnusedTokens(of: member, purpose: purpose.id)
        if request.field == nil {
            for field in Set(relevant.compactMap(\.field)) {
                try appendConsentEvent(.withdraw, member: member, purpose: purpose, field: field, channel: channel, actor: actor)
            }
        }
        try enforceRemainingBasis(after: purpose, fields: request.field.map { [$0] } ?? purpose.fields, of: member)
    }

    /// Appends a denial for `request`, drops unused confirmation links and enforces what basis the
    /// member's values have left.
    func denyConsent(_ request: ConsentRequest, of member: MemberID, channel: Channel?, actor: Principal) throws {
        let purpose = try consentPurpose(request)
        try appendConsentEvent(.deny, member: member, purpose: purpose, field: request.field, channel: channel, actor: actor)
        try consents.deleteUnusedTokens(of: member, purpose: purpose.id)
        try enforceRemainingBasis(after: purpose, fields: request.field.map { [$0] } ?? purpose.fields, of: member)
    }

    /// The notice text an event showed, in its version and language; nil when it showed none.
    func noticeText(of event: ConsentEvent) throws -> String? {
        guard let version = event.noticeVersion else { return nil }
        guard let language = event.language else {
            throw StorageError.corruptRow(table: "consent_events", column: "language", problem: "missing for an event that showed a notice")
        }
        return try policyStore.noticeText(purpose: event.purpose, version: version, language: language)
    }
}
