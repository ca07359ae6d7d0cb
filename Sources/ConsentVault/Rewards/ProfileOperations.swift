import Foundation

/// Progressive profiling: what to ask a member next, and recording shares and declines.
public struct ProfileOperations {
    let context: VaultContext

    /// The one field worth asking `member` for on `channel`, or nil when there is nothing to ask:
    /// the highest reward among fields not yet shared, skipping fields declined within the
    /// cooldown, fields not collectable on the channel, and purposes the member is too young for.
    public func nextQuestion(for member: MemberID, channel: Channel, as principal: Principal) throws -> ProfileSuggestion? {
        try context.audited(principal, .profileNext, member: member) { record in
            let policies = context.policies
            let loaded = try context.loadMember(member)
            let stored = loaded.fieldNames
            let age = try context.age(of: loaded)
            let cooldownStart = Timestamp.string(context.clock().addingTimeInterval(-Double(policies.rewards.declineCooldownDays) * 86_400))
            let declined = try context.rewards.declinedFields(of: member, since: cooldownStart)
            let language = try context.consents.latestLanguage(of: member) ?? "de"
            var best: (ask: ProfileAsk, points: Int)?
            for ask in policies.rewards.asks {
                guard !stored.contains(ask.field), !declined.contains(ask.field), ask.channels.contains(channel.rawValue),
                      let purpose = policies.purposes.purpose(ask.purpose) else { continue }
                if let age, age < purpose.effectiveMinimumAge { continue }
                let points = try policies.rewards.rules.filter {
                    $0.trigger.type == .fieldFirstShared && $0.trigger.field == ask.field && $0.requiresConsent == ask.purpose
                        && (age ?? Int.max) >= $0.effectiveMinimumAge
                }.filter { try !context.rewards.hasAward($0.id, member: member, scope: $0.scopeKey(year: context.today.year)) }.reduce(0) { $0 + $1.points }
                if best == nil || points > best!.points { best = (ask, points) }
            }
            guard let best, let notice = policies.purposes.purpose(best.ask.purpose)?.notice else { return nil }
            let shownLanguage = notice.text[language] == nil ? "de" : language
            try context.rewards.recordAsk(member: member, field: best.ask.field, channel: channel, outcome: .asked, at: context.timestamp)
            record.fieldsRequested = [best.ask.field]
            return ProfileSuggestion(field: best.ask.field, purpose: best.ask.purpose, points: best.points,
                                     noticeText: notice.text[shownLanguage] ?? "", noticeVersion: notice.version, language: shownLanguage)
        }
    }

    /// Records a share: the consent for `purpose` and `field`, the value, and the award, in one
    /// transaction. If the consent cannot be given (a minor, a purpose that does not use the
    /// field), nothing is stored and nothing earned.
    public func share(_ field: String, value: String, for member: MemberID, purpose purposeID: String, channel: Channel,
                      evidence: ConsentEvidence = ConsentEvidence(), as principal: Principal) throws -> ShareResult {
        let (definition, normalized) = try context.normalize([FieldInput(field, value)])[0]
        let now = context.timestamp
        return try context.audited(principal, .profileShare, purpose: purposeID, member: member, fields: [field]) { _ in
            _ = try context.memberRecord(member)
            guard let purpose = context.policies.purposes.purpose(purposeID) else { throw ConsentError.unknownPurpose(purposeID) }
            var state = ConsentState.active
            let events = try context.consents.events(of: member)
            if ConsentEvaluator.effective(for: field, in: events, purpose: purpose, now: context.clock()).state != .active {
                let birthday = definition.type == .dateOfBirth ? normalized.stored : try context.storedBirthday(of: member)
                state = try context.recordGrant(ConsentRequest(purpose: purposeID, field: field), for: member, birthday: birthday,
                                                channel: channel, evidence: evidence, actor: principal).state
            }
            try context.replaceField(normalized, of: definition, for: member, now: now)
            try context.rewards.recordAsk(member: member, field: field, channel: channel, outcome: .shared, at: context.timestamp)
            let awards = try context.evaluateRewards(for: member, actor: principal)
            return ShareResult(member: member, field: field, consentState: state, awards: awards,
                               balance: try context.rewards.balance(of: member))
        }
    }

    /// Records that the member declined to share `field`; it is not asked again within the cooldown.
    public func decline(_ field: String, for member: MemberID, channel: Channel, as principal: Principal) throws {
        guard context.policies.rewards.asks.contains(where: { $0.field == field }) else { throw RewardError.notAskable(field) }
        try context.audited(principal, .profileDecline, member: member, fields: [field]) { _ in
            _ = try context.memberRecord(member)
            try context.rewards.recordAsk(member: member, field: field, channel: channel, outcome: .declined, at: context.timestamp)
        }
    }
}
