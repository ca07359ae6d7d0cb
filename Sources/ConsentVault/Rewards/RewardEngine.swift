import Foundation

/// Deciding which reward rules a member has earned. Runs inside the transaction of the operation
/// that may have earned something (share, set, grant, confirm), so data, consent and award commit
/// together; the ledger's unique index makes every award happen at most once.
extension VaultContext {
    /// Awards every rule (except the yearly birthday rule) whose trigger now holds for `member`.
    func evaluateRewards(for member: MemberID, actor: Principal) throws -> [Award] {
        try evaluateRewards(for: loadMember(member), actor: actor)
    }

    /// Awards every rule (except the yearly birthday rule) whose trigger now holds for the loaded `stored` member.
    func evaluateRewards(for stored: StoredMember, actor: Principal) throws -> [Award] {
        let member = stored.id
        let facts = try RewardFacts(context: self, member: stored)
        let year = today.year
        var awards: [Award] = []
        for rule in policies.rewards.rules where rule.trigger.type != .birthday {
            guard facts.triggerHolds(rule), facts.eligible(rule) else { continue }
            if let award = try awardIfUnderCap(rule, to: member, scope: rule.scopeKey(year: year), actor: actor) { awards.append(award) }
        }
        return awards
    }

    /// Awards the yearly birthday rules to every member whose birthday has come this calendar year
    /// (29 February counts as 28 February in other years). Runs inside the caller's transaction.
    func awardBirthdays(actor principal: Principal) throws -> [MemberID: [Award]] {
        guard let birthdayField else { return [:] }
        let rules = policies.rewards.rules.filter { $0.trigger.type == .birthday }
        let today = today
        var result: [MemberID: [Award]] = [:]
        for member in try members.members(withField: birthdayField) {
            let stored = try loadMember(member)
            guard let birthday = try stored.values([birthdayField])[birthdayField],
                  BirthDate.hasHadBirthday(birthday, in: today) else { continue }
            let facts = try RewardFacts(context: self, member: stored)
            for rule in rules where facts.eligible(rule) {
                if let award = try awardIfUnderCap(rule, to: member, scope: rule.scopeKey(year: today.year), actor: principal) {
                    result[member, default: []].append(award)
                }
            }
        }
        return result
    }

    private func awardIfUnderCap(_ rule: RewardRule, to member: MemberID, scope: String, actor: Principal) throws -> Award? {
        let now = timestamp
        if let cap = rule.cap?.totalAwardsPerYear, try rewards.awardCount(rule.id, year: String(now.prefix(4))) >= cap { return nil }
        return try rewards.award(rule, to: member, scope: scope, actor: actor, now: now) ? Award(ruleID: rule.id, points: rule.points) : nil
    }
}

/// What the reward rules look at for one member: stored fields, consent events and age.
struct RewardFacts {
    let policies: PolicySet
    let storedFields: Set<String>
    let events: [ConsentEvent]
    let age: Int?
    let now: Date

    init(context: VaultContext, member: StoredMember) throws {
        policies = context.policies
        storedFields = member.fieldNames
        events = try context.consents.events(of: member.id)
        age = try context.age(of: member)
        now = context.clock()
    }

    /// Whether the member is old enough and has the rule's consent in force.
    func eligible(_ rule: RewardRule) -> Bool {
        if let age, age < rule.effectiveMinimumAge { return false }
        guard let purpose = policies.purposes.purpose(rule.requiresConsent) else { return false }
        let fields = rule.trigger.field.map { [$0] } ?? rule.trigger.fields ?? []
        let relevant = fields.filter(purpose.fields.contains)
        if relevant.isEmpty { return consentActive(purpose, field: nil) }
        return relevant.allSatisfy { consentActive(purpose, field: $0) }
    }

    /// Whether the rule's trigger holds now.
    func triggerHolds(_ rule: RewardRule) -> Bool {
        let trigger = rule.trigger
        switch trigger.type {
        case .fieldFirstShared: return trigger.field.map(storedFields.contains) ?? false
        case .profileCompleted: return (trigger.fields ?? []).allSatisfy(storedFields.contains)
        case .consentGranted:
            return trigger.purpose.flatMap(policies.purposes.purpose).map { consentActive($0, field: nil) } ?? false
        case .doiConfirmed: return events.contains { $0.kind == .doiConfirmed && $0.purpose == trigger.purpose }
        case .birthday: return false
        }
    }

    /// Consent in force for `field` of `purpose`; for nil, for the purpose or any of its fields.
    private func consentActive(_ purpose: Purpose, field: String?) -> Bool {
        if let field { return ConsentEvaluator.effective(for: field, in: events, purpose: purpose, now: now).state == .active }
        return ConsentEvaluator.anyActive(in: events, purpose: purpose, now: now)
    }
}
