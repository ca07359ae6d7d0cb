/// Builds the profiling report from aggregate queries; it never reads a value or returns an id.
extension ProfileOperations {
    /// The report; marketing may run it.
    public func report(as principal: Principal) throws -> ProfilingReport {
        try context.audited(principal, .reportProfiling) { _ in
            let policies = context.policies
            let suppress = Suppression(minimum: policies.rewards.reportMinimumGroupSize)
            let askFields = policies.rewards.asks.map(\.field)
            let shownTotal = suppress.count(try context.members.count())
            let byShared = try context.members.histogram(of: askFields)
            let groups = suppress.counts((0...askFields.count).map { byShared[$0] ?? 0 })
            let completeness = groups.enumerated().map { ProfilingReport.Completeness(fieldsShared: $0.offset, members: $0.element) }
            let fields = try askFields.map { field -> ProfilingReport.FieldRates in
                let shared = suppress.count(try context.members.count(withField: field))
                let declined = suppress.count(try context.rewards.membersAsked(field: field, outcome: .declined))
                let asked = suppress.count(try context.rewards.membersAsked(field: field))
                return ProfilingReport.FieldRates(field: field, shared: shared, declined: declined,
                                                  shareRatePercent: suppress.percent(shared, of: shownTotal),
                                                  declineRatePercent: suppress.percent(declined, of: asked))
            }
            let activeByPurpose = try activeConsentCounts()
            let purposes = policies.purposes.purposes.filter { $0.lawfulBasis == .consent }.map { purpose in
                let active = suppress.count(activeByPurpose[purpose.id] ?? 0)
                return ProfilingReport.PurposeRate(purpose: purpose.id, active: active, ratePercent: suppress.percent(active, of: shownTotal))
            }
            let rules = try context.rewards.totalsByRule().map { total in
                let awards = suppress.count(total.awards)
                return ProfilingReport.RuleTotal(rule: total.rule, awards: awards, points: awards == nil ? nil : total.points)
            }
            let channels = try Channel.allCases.map { channel -> ProfilingReport.ChannelConversion in
                let conversion = try context.rewards.conversion(on: channel)
                let asked = suppress.count(conversion.asked)
                let shared = suppress.count(conversion.shared)
                return ProfilingReport.ChannelConversion(channel: channel, asked: asked, shared: shared,
                                                         conversionPercent: suppress.percent(shared, of: asked))
            }
            return ProfilingReport(minimumGroupSize: suppress.minimum, members: shownTotal, completeness: completeness,
                                   fields: fields, purposes: purposes, rules: rules, channels: channels)
        }
    }

    /// Members per purpose with a consent in force (purpose-wide or for any field), derived from the ledger.
    private func activeConsentCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        let now = context.clock()
        for events in try context.consents.eventsByMember().values {
            for purpose in context.policies.purposes.purposes where purpose.lawfulBasis == .consent {
                if ConsentEvaluator.anyActive(in: events, purpose: purpose, now: now) { counts[purpose.id, default: 0] += 1 }
            }
        }
        return counts
    }
}
