/// Checks `rewards.json`: triggers, points, scopes, and references to fields, purposes, channels.
enum RewardValidator {
    /// Every problem in `policy`; `fields` and `purposes` (when they decoded) resolve references.
    static func problems(in policy: RewardPolicy, fields: FieldCatalog?, purposes: PurposeCatalog?) -> [PolicyProblem] {
        var problems: [PolicyProblem] = []
        func report(_ path: String, _ message: String) { problems.append(PolicyProblem(file: RewardPolicy.fileName, path: path, message: message)) }
        func checkField(_ name: String, _ path: String) {
            if let fields, fields.definition(of: name) == nil { report(path, "unknown field '\(name)'") }
        }
        func checkPurpose(_ id: String, _ path: String) {
            if let purposes, purposes.purpose(id) == nil { report(path, "unknown purpose '\(id)'") }
        }
        if policy.declineCooldownDays < 0 { report("$.decline_cooldown_days", "must be 0 or more") }
        if policy.reportMinimumGroupSize < 2 { report("$.report_minimum_group_size", "must be 2 or more, or single members could be singled out") }
        for (index, ask) in policy.asks.enumerated() {
            checkField(ask.field, "$.asks[\(index)].field")
            checkPurpose(ask.purpose, "$.asks[\(index)].purpose")
            if let purpose = purposes?.purpose(ask.purpose), !purpose.fields.contains(ask.field) {
                report("$.asks[\(index)].purpose", "purpose '\(ask.purpose)' does not use field '\(ask.field)'")
            }
            for (channelIndex, channel) in ask.channels.enumerated() where Channel(rawValue: channel) == nil {
                report("$.asks[\(index)].channels[\(channelIndex)]", "unknown channel '\(channel)'")
            }
        }
        var seen: Set<String> = []
        for (index, rule) in policy.rules.enumerated() {
            let path = "$.rules[\(index)]"
            if !seen.insert(rule.id).inserted { report("\(path).id", "duplicate rule id '\(rule.id)'") }
            if rule.id == RewardStore.adjustmentRuleID { report("\(path).id", "'\(rule.id)' is reserved for admin adjustments") }
            if rule.version < 1 { report("\(path).version", "must be 1 or higher") }
            if rule.points < 1 { report("\(path).points", "must be a positive whole number") }
            if rule.points > RewardRule.maximumPoints { report("\(path).points", "must be at most \(RewardRule.maximumPoints)") }
            if let age = rule.minimumAge, !(0...21).contains(age) { report("\(path).minimum_age", "must be between 0 and 21") }
            if let cap = rule.cap?.totalAwardsPerYear, cap < 1 { report("\(path).cap.total_awards_per_year", "must be 1 or more") }
            checkPurpose(rule.requiresConsent, "\(path).requires_consent")
            if let purpose = purposes?.purpose(rule.requiresConsent), purpose.lawfulBasis != .consent {
                report("\(path).requires_consent", "purpose '\(rule.requiresConsent)' is not consent-based")
            }
            let trigger = rule.trigger
            switch trigger.type {
            case .fieldFirstShared:
                if let field = trigger.field { checkField(field, "\(path).trigger.field") } else { report("\(path).trigger.field", "field_first_shared needs a 'field'") }
            case .consentGranted, .doiConfirmed:
                if let purpose = trigger.purpose { checkPurpose(purpose, "\(path).trigger.purpose") } else { report("\(path).trigger.purpose", "\(trigger.type.rawValue) needs a 'purpose'") }
            case .profileCompleted:
                let fields = trigger.fields ?? []
                if fields.isEmpty { report("\(path).trigger.fields", "profile_completed needs a non-empty 'fields' list") }
                for (fieldIndex, field) in fields.enumerated() { checkField(field, "\(path).trigger.fields[\(fieldIndex)]") }
            case .birthday:
                if rule.scope != .calendarYear { report("\(path).scope", "a birthday rule must have scope 'calendar_year'") }
            }
        }
        return problems
    }
}
