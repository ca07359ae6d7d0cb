import Foundation

/// Appending to the consent ledger for every capability that records consent (enrolment, grants,
/// profile shares, objections, retention). Runs inside the caller's transaction.
extension VaultContext {
    /// Appends one event for `purpose`, with the notice version, hash and language shown.
    @discardableResult
    func appendConsentEvent(_ kind: ConsentEventKind, member: MemberID, purpose: Purpose, field: String?, channel: Channel?,
                            evidence: ConsentEvidence = ConsentEvidence(), actor: Principal) throws -> Int {
        let now = clock()
        let notice = purpose.notice
        let language = notice?.text[evidence.language] == nil ? "de" : evidence.language
        return try consents.append(NewConsentEvent(
            purpose: purpose.id, field: field, kind: kind, noticeVersion: notice?.version,
            noticeSHA256: notice?.text[language].map(PolicyStore.noticeHash), language: language, channel: channel,
            capturedAt: Timestamp.string(evidence.capturedAt ?? now), recordedAt: Timestamp.string(now), actor: actor.name,
            guardian: evidence.guardianConsent, evidence: evidence.storedJSON), for: member)
    }

    /// Appends a grant (and, for double opt-in, a token and a `doi_sent` event).
    func recordGrant(_ request: ConsentRequest, for member: MemberID, birthday: String?, channel: Channel,
                     evidence: ConsentEvidence, actor: Principal) throws -> GrantResult {
        let purpose = try consentPurpose(request)
        try check(evidence)
        try checkNotSuppressed(member, for: purpose)
        if let birthday, let age = BirthDate.age(of: birthday, on: today), age < purpose.effectiveMinimumAge, !evidence.guardianConsent {
            throw ConsentError.minorNeedsGuardian(purpose: purpose.id, minimumAge: purpose.effectiveMinimumAge)
        }
        try appendConsentEvent(.grant, member: member, purpose: purpose, field: request.field, channel: channel, evidence: evidence, actor: actor)
        guard purpose.doubleOptIn else {
            return GrantResult(member: member, purpose: purpose.id, field: request.field, state: .active, token: nil)
        }
        let token = "cvd_" + Hex.encode(Sodium.randomPublicBytes(count: 24))
        let expiry = clock().addingTimeInterval(TimeInterval(purpose.doiTokenHours ?? 48) * 3600)
        try consents.insertToken(hash: try tokenHash(token), for: member, purpose: purpose.id, field: request.field,
                                 expiresAt: Timestamp.string(expiry))
        try appendConsentEvent(.doiSent, member: member, purpose: purpose, field: request.field, channel: channel,
                               evidence: ConsentEvidence(language: evidence.language), actor: actor)
        return GrantResult(member: member, purpose: purpose.id, field: request.field, state: .pending, token: token)
    }

    /// Refuses evidence that cannot be true: a capture time in the future (such a consent would
    /// never expire) or an IP address that is not one (it would silently be dropped).
    func check(_ evidence: ConsentEvidence) throws {
        if let captured = evidence.capturedAt, captured > clock().addingTimeInterval(Self.clockSkewAllowance) {
            throw ConsentError.capturedInFuture
        }
        if let captured = evidence.capturedAt, captured < clock().addingTimeInterval(-Self.oldestCapture) {
            throw ConsentError.capturedTooLongAgo(years: Int(Self.oldestCapture / (365 * 86_400)))
        }
        if let address = evidence.ipAddress, IPPrefix.network(of: address) == nil { throw ConsentError.invalidIPAddress }
    }

    /// How far back a capture time may lie: consents older than this predate the programme's
    /// records and would count as given forever.
    static let oldestCapture: TimeInterval = 20 * 365 * 86_400

    /// How far a capture time may lie ahead of the vault's clock (clocks of tills drift).
    static let clockSkewAllowance: TimeInterval = 300

    /// The purpose of a consent request, checked: known, consent-based, and using the field.
    func consentPurpose(_ request: ConsentRequest) throws -> Purpose {
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
    func enforceRemainingBasis(after withdrawn: Purpose, fields: [String], of member: MemberID) throws {
        let events = try consents.events(of: member)
        for field in fields where catalog.definition(of: field)?.party == .zero {
            let stillCovered = policies.purposes.purposes.contains { purpose in
                guard purpose.fields.contains(field), purpose.aggregateOnly != true else { return false }
                guard purpose.lawfulBasis == .consent else { return true }
                let state = ConsentEvaluator.effective(for: field, in: events, purpose: purpose, now: clock()).state
                return state == .active || state == .pending
            }
            if stillCovered { continue }
            switch withdrawn.withdrawalHandling {
            case .delete: try members.deleteValue(field, of: member)
            case .restrict: try consents.restrict(field, of: member, since: timestamp)
            }
        }
    }

    /// Keyed BLAKE2b of a token (access or double opt-in): useless to anyone without the vault key.
    func tokenHash(_ token: String) throws -> [UInt8] {
        try KeyDerivation.keyedHash(Array(token.utf8), key: keys.tokenKey)
    }
}

extension ConsentEvidence {
    /// Evidence as stored: JSON with the IP address cut to its network prefix.
    var storedJSON: String {
        var object: [String: Any] = [:]
        if let address = ipAddress, let prefix = IPPrefix.network(of: address) { object["ip_prefix"] = prefix }
        if guardianConsent { object["guardian_consent"] = true }
        guard !object.isEmpty else { return "{}" }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
