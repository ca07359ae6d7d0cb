/// Progressive profiling: what to ask a member next, recording shares and declines, and the
/// points ledger.
extension Vault {
    /// The field worth asking for now.
    public struct ProfileSuggestion: Sendable, Equatable {
        /// The field to ask for.
        public let field: String
        /// The purpose the member would consent to.
        public let purpose: String
        /// Points the share would earn.
        public let points: Int
        /// The notice to show, in the member's language.
        public let noticeText: String
        /// Its version.
        public let noticeVersion: Int
        /// The notice's language (`de` or `en`).
        public let language: String
    }

    /// What a share did.
    public struct ShareResult: Sendable, Equatable {
        /// The member.
        public let member: MemberID
        /// The field shared.
        public let field: String
        /// State of the consent the share was recorded under.
        public let consentState: ConsentState
        /// Points earned by this share (empty when nothing new was earned).
        public let awards: [Award]
        /// Balance afterwards.
        public let balance: Int
    }

    /// The one field worth asking `member` for on `channel`, or nil when there is nothing to ask:
    /// the highest reward among fields not yet shared, skipping fields declined within the
    /// cooldown, fields not collectable on the channel, and purposes the member is too young for.
    public func nextProfileQuestion(for member: MemberID, channel: Channel, as principal: Principal) throws -> ProfileSuggestion? {
        try audited(principal, .profileNext, member: member) { record in
            let loaded = try loadMember(member)
            let stored = loaded.fieldNames
            let age = try age(of: loaded)
            let cooldownStart = Timestamp.string(clock().addingTimeInterval(-Double(policies.rewards.declineCooldownDays) * 86_400))
            let declined = Set(try database.statement("""
                SELECT field FROM profile_asks WHERE member_id = ?1 AND outcome = 'declined' AND at >= ?2
                """).rows([.text(member.rawValue), .text(cooldownStart)]).compactMap { $0[0].text })
            let language = try database.statement("SELECT language FROM consent_events WHERE member_id = ?1 ORDER BY seq DESC LIMIT 1")
                .rows([.text(member.rawValue)]).first?.first?.text ?? "de"
            let ledger = RewardLedger(database: database)
            var best: (ask: ProfileAsk, points: Int)?
            for ask in policies.rewards.asks {
                guard !stored.contains(ask.field), !declined.contains(ask.field), ask.channels.contains(channel.rawValue),
                      let purpose = policies.purposes.purpose(ask.purpose) else { continue }
                if let age, age < purpose.effectiveMinimumAge { continue }
                let points = try policies.rewards.rules.filter {
                    $0.trigger.type == "field_first_shared" && $0.trigger.field == ask.field && $0.requiresConsent == ask.purpose
                        && (age ?? Int.max) >= ($0.minimumAge ?? 16)
                }.filter { try !ledger.hasAward($0.id, member: member, scope: "lifetime") }.reduce(0) { $0 + $1.points }
                if best == nil || points > best!.points { best = (ask, points) }
            }
            guard let best, let notice = policies.purposes.purpose(best.ask.purpose)?.notice else { return nil }
            let shownLanguage = notice.text[language] == nil ? "de" : language
            try recordProfileEvent(member: member, field: best.ask.field, channel: channel, outcome: "asked")
            record.fieldsRequested = [best.ask.field]
            return ProfileSuggestion(field: best.ask.field, purpose: best.ask.purpose, points: best.points,
                                     noticeText: notice.text[shownLanguage] ?? "", noticeVersion: notice.version, language: shownLanguage)
        }
    }

    /// Records a share: the consent for `purpose` and `field`, the value, and the award, in one
    /// transaction. If the consent cannot be given (a minor, a purpose that does not use the
    /// field), nothing is stored and nothing earned.
    public func shareProfileField(_ field: String, value: String, for member: MemberID, purpose purposeID: String, channel: Channel,
                                  evidence: ConsentEvidence = ConsentEvidence(), as principal: Principal) throws -> ShareResult {
        let (definition, normalized) = try normalize([(field, value)])[0]
        let now = Timestamp.string(clock())
        return try audited(principal, .profileShare, purpose: purposeID, member: member, fields: [field]) { _ in
            _ = try memberRecord(member)
            let request = ConsentRequest(purpose: purposeID, field: field)
            let events = try ConsentLedger(database: database).events(of: member)
            var state = ConsentState.active
            if let purpose = policies.purposes.purpose(purposeID),
               ConsentEvaluator.effective(for: field, in: events, purpose: purpose, now: clock()).state != .active {
                let birthday = definition.type == .dateOfBirth ? normalized.stored : try storedBirthday(of: member)
                state = try recordGrant(request, for: member, birthday: birthday, channel: channel, evidence: evidence, actor: principal).state
            } else if policies.purposes.purpose(purposeID) == nil {
                throw ConsentError.unknownPurpose(purposeID)
            }
            try replaceField(normalized, of: definition, for: member, now: now)
            try recordProfileEvent(member: member, field: field, channel: channel, outcome: "shared")
            let awards = try evaluateRewards(for: member, actor: principal)
            return ShareResult(member: member, field: field, consentState: state, awards: awards,
                               balance: try RewardLedger(database: database).balance(of: member))
        }
    }

    /// Records that the member declined to share `field`; it is not asked again within the cooldown.
    public func declineProfileField(_ field: String, for member: MemberID, channel: Channel, as principal: Principal) throws {
        guard policies.rewards.asks.contains(where: { $0.field == field }) else { throw RewardError.notAskable(field) }
        try audited(principal, .profileDecline, member: member, fields: [field]) { _ in
            _ = try memberRecord(member)
            try recordProfileEvent(member: member, field: field, channel: channel, outcome: "declined")
        }
    }

    /// The member's points balance (the sum of the ledger).
    public func pointsBalance(of member: MemberID, as principal: Principal) throws -> Int {
        try audited(principal, .rewardsBalance, member: member) { _ in
            _ = try memberRecord(member)
            return try RewardLedger(database: database).balance(of: member)
        }
    }

    /// The member's points ledger, oldest first.
    public func pointsLedger(of member: MemberID, as principal: Principal) throws -> [PointsEntry] {
        try audited(principal, .rewardsLedger, member: member) { _ in
            _ = try memberRecord(member)
            return try RewardLedger(database: database).entries(of: member)
        }
    }

    /// An explicit correction by an administrator, with a reason; the only way points go down.
    public func adjustPoints(of member: MemberID, by points: Int, reason: String, as principal: Principal) throws -> Int {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw RewardError.reasonRequired }
        guard points != 0 else { throw RewardError.zeroAdjustment }
        return try audited(principal, .rewardsAdjust, member: member) { _ in
            _ = try memberRecord(member)
            let ledger = RewardLedger(database: database)
            try ledger.adjust(member, points: points, reason: reason, actor: principal, now: Timestamp.string(clock()))
            return try ledger.balance(of: member)
        }
    }

    private func recordProfileEvent(member: MemberID, field: String, channel: Channel, outcome: String) throws {
        try database.statement("INSERT INTO profile_asks (member_id, field, channel, outcome, at) VALUES (?1, ?2, ?3, ?4, ?5)")
            .run([.text(member.rawValue), .text(field), .text(channel.rawValue), .text(outcome), .text(Timestamp.string(clock()))])
    }
}
