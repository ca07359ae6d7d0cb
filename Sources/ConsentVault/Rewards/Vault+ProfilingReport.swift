/// Builds the profiling report from aggregate queries; it never reads a value or returns an id.
extension Vault {
    /// The report; marketing may run it.
    public func profilingReport(as principal: Principal) throws -> ProfilingReport {
        try audited(principal, .reportProfiling) { _ in
            let suppress = Suppression(minimum: policies.rewards.reportMinimumGroupSize)
            let askFields = policies.rewards.asks.map(\.field)
            let total = try scalar("SELECT count(*) FROM members")
            let placeholders = askFields.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
            let histogram = try database.statement("""
                SELECT shared, count(*) FROM (
                    SELECT m.id, (SELECT count(*) FROM member_fields f WHERE f.member_id = m.id AND f.field IN (\(placeholders))) AS shared
                    FROM members m) GROUP BY shared
                """).rows(askFields.map { .text($0) })
            let byShared = Dictionary(uniqueKeysWithValues: histogram.map { (Int($0[0].integer ?? 0), Int($0[1].integer ?? 0)) })
            let completeness = (0...askFields.count).map { ProfilingReport.Completeness(fieldsShared: $0, members: suppress.count(byShared[$0] ?? 0)) }
            let shownTotal = suppress.count(total)

            let fields = try askFields.map { field -> ProfilingReport.FieldRates in
                let shared = suppress.count(try scalar("SELECT count(*) FROM member_fields WHERE field = ?1", [.text(field)]))
                let declined = suppress.count(try scalar("SELECT count(DISTINCT member_id) FROM profile_asks WHERE field = ?1 AND outcome = 'declined'", [.text(field)]))
                let asked = suppress.count(try scalar("SELECT count(DISTINCT member_id) FROM profile_asks WHERE field = ?1", [.text(field)]))
                return ProfilingReport.FieldRates(field: field, shared: shared, declined: declined,
                                                  shareRatePercent: suppress.percent(shared, of: shownTotal),
                                                  declineRatePercent: suppress.percent(declined, of: asked))
            }

            let activeByPurpose = try activeConsentCounts()
            let purposes = policies.purposes.purposes.filter { $0.lawfulBasis == .consent }.map { purpose in
                let active = suppress.count(activeByPurpose[purpose.id] ?? 0)
                return ProfilingReport.PurposeRate(purpose: purpose.id, active: active, ratePercent: suppress.percent(active, of: shownTotal))
            }

            let rules = try database.statement("SELECT rule_id, count(*), sum(points) FROM points_ledger GROUP BY rule_id ORDER BY rule_id").rows().map {
                let awards = suppress.count(Int($0[1].integer ?? 0))
                return ProfilingReport.RuleTotal(rule: $0[0].text ?? "", awards: awards, points: awards == nil ? nil : Int($0[2].integer ?? 0))
            }

            let channels = try Channel.allCases.map { channel -> ProfilingReport.ChannelConversion in
                let asked = suppress.count(try scalar("SELECT count(*) FROM (SELECT DISTINCT member_id, field FROM profile_asks WHERE channel = ?1 AND outcome = 'asked')", [.text(channel.rawValue)]))
                let shared = suppress.count(try scalar("""
                    SELECT count(*) FROM (SELECT DISTINCT a.member_id, a.field FROM profile_asks a JOIN profile_asks s
                        ON s.member_id = a.member_id AND s.field = a.field AND s.channel = a.channel AND s.outcome = 'shared' AND s.seq > a.seq
                        WHERE a.channel = ?1 AND a.outcome = 'asked')
                    """, [.text(channel.rawValue)]))
                return ProfilingReport.ChannelConversion(channel: channel.rawValue, asked: asked, shared: shared,
                                                         conversionPercent: suppress.percent(shared, of: asked))
            }
            return ProfilingReport(minimumGroupSize: suppress.minimum, members: shownTotal, completeness: completeness,
                                   fields: fields, purposes: purposes, rules: rules, channels: channels)
        }
    }

    private func scalar(_ sql: String, _ values: [SQLValue] = []) throws -> Int {
        Int(try database.statement(sql).rows(values).first?.first?.integer ?? 0)
    }

    /// Members per purpose with a consent in force (purpose-wide or for any field), derived from the ledger.
    private func activeConsentCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        let now = clock()
        for events in try ConsentLedger(database: database).eventsByMember().values {
            for purpose in policies.purposes.purposes where purpose.lawfulBasis == .consent {
                if ConsentEvaluator.anyActive(in: events, purpose: purpose, now: now) { counts[purpose.id, default: 0] += 1 }
            }
        }
        return counts
    }
}
