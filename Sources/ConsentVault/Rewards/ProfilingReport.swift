/// Programme insight from aggregates only: no member id, no value. Every count from 1 to k-1
/// (k = `report_minimum_group_size`) is suppressed (nil), and so is every rate built from one.
public struct ProfilingReport: Sendable, Equatable {
    /// A count, or nil where it was too small to show.
    public typealias SuppressibleCount = Int?

    /// Members by how many askable fields they have shared.
    public struct Completeness: Sendable, Equatable {
        /// Askable fields shared.
        public let fieldsShared: Int
        /// Members with exactly that many.
        public let members: SuppressibleCount
    }

    /// Sharing of one askable field.
    public struct FieldRates: Sendable, Equatable {
        /// The askable field these rates are for.
        public let field: String
        /// Members who have shared it.
        public let shared: SuppressibleCount
        /// Members who declined it.
        public let declined: SuppressibleCount
        /// Shared as a whole percentage of all members.
        public let shareRatePercent: Int?
        /// Declined as a whole percentage of the members asked for it.
        public let declineRatePercent: Int?
    }

    /// Consent to one purpose.
    public struct PurposeRate: Sendable, Equatable {
        /// The consent purpose counted.
        public let purpose: String
        /// Members with an active consent.
        public let active: SuppressibleCount
        /// As a whole percentage of all members.
        public let ratePercent: Int?
    }

    /// Points issued by one rule.
    public struct RuleTotal: Sendable, Equatable {
        /// The rule (or `adjustment`).
        public let rule: String
        /// Awards made.
        public let awards: SuppressibleCount
        /// Points issued.
        public let points: Int?
    }

    /// From ask to share on one channel.
    public struct ChannelConversion: Sendable, Equatable {
        /// The channel these figures are for.
        public let channel: Channel
        /// Distinct member-field pairs asked.
        public let asked: SuppressibleCount
        /// Of those, shared afterwards on the same channel.
        public let shared: SuppressibleCount
        /// Shared as a whole percentage of asked.
        public let conversionPercent: Int?
    }

    /// The suppression threshold k.
    public let minimumGroupSize: Int
    /// All members.
    public let members: SuppressibleCount
    /// Completeness distribution.
    public let completeness: [Completeness]
    /// Per askable field.
    public let fields: [FieldRates]
    /// Per consent purpose.
    public let purposes: [PurposeRate]
    /// Per reward rule.
    public let rules: [RuleTotal]
    /// Per channel.
    public let channels: [ChannelConversion]
}

/// Small counts are hidden; rates only from shown counts.
struct Suppression {
    /// k.
    let minimum: Int

    /// `count`, or nil when it is 1…k-1.
    func count(_ count: Int) -> Int? { count > 0 && count < minimum ? nil : count }

    /// `counts` shown as a group whose total is shown elsewhere: besides every small count, the
    /// smallest other non-zero count is hidden too whenever exactly one would be, so no hidden
    /// count can be worked out by subtracting the shown ones from the total.
    func counts(_ counts: [Int]) -> [Int?] {
        var shown = counts.map(count)
        let hidden = shown.indices.filter { shown[$0] == nil }
        if hidden.count == 1, let partner = shown.indices.filter({ shown[$0] != nil && counts[$0] > 0 }).min(by: { counts[$0] < counts[$1] }) {
            shown[partner] = nil
        }
        return shown
    }

    /// Whole percentage of two shown counts, or nil.
    func percent(_ part: Int?, of whole: Int?) -> Int? {
        guard let part, let whole, whole > 0 else { return nil }
        return (part * 100 + whole / 2) / whole
    }
}
