/// The result of checking the audit chain and the seals over every row that decides access.
public struct AuditVerification: Sendable, Equatable {
    /// Entries checked.
    public let entries: Int
    /// The first sequence number that fails, or nil when the chain is intact.
    public let firstBadSequence: Int?
    /// Why it fails.
    public let problem: String?
    /// The head of the chain as `sequence:hex`, for anchoring elsewhere.
    public let head: String
    /// Members and tables whose rows no longer match their seal (`member <id>`, `table tokens`).
    public var tamperedRows: [String] = []

    /// Whether the whole chain verified (and matched the given head, if any) and every seal holds.
    public var isIntact: Bool { firstBadSequence == nil && tamperedRows.isEmpty }
}

extension AuditLog {
    /// The first entry not stored as `append` writes it (`FormatFive.rewrittenEntries`), or nil.
    func firstRewrittenEntry() throws -> Int? {
        try database.statement("SELECT min(seq) AS seq FROM audit_log WHERE \(FormatFive.rewrittenEntries)").rows(table: "audit_log").first?
            .optionalInteger("seq")
    }

    /// The latest chain value as `sequence:hex` (`0:00…` for an empty log).
    func head() throws -> String {
        let last = try latest()
        return "\(last?.sequence ?? 0):\(Hex.encode(last?.chain ?? Self.genesis))"
    }

    /// Recomputes the chain from the first entry. Detects edited, deleted, inserted and reordered
    /// entries, and a chain recomputed without the key. With `expectedHead` (printed earlier by
    /// `head()`), also detects entries cut off the end.
    func verify(expectedHead: String? = nil) throws -> AuditVerification {
        let all = try entries()
        let rewritten = try firstRewrittenEntry()
        var previous = Self.genesis
        var chainBySequence: [Int: [UInt8]] = [:]
        for (offset, entry) in all.enumerated() {
            let expectedSequence = offset + 1
            guard entry.sequence == expectedSequence else {
                return AuditVerification(entries: offset, firstBadSequence: expectedSequence,
                                         problem: "entry \(expectedSequence) is missing (next is \(entry.sequence))", head: try head())
            }
            guard entry.sequence != rewritten else {
                return AuditVerification(entries: offset, firstBadSequence: entry.sequence,
                                         problem: "entry \(entry.sequence) is stored in a form the vault never writes (re-encoded to hide it from per-member queries)",
                                         head: try head())
            }
            guard try link(previous, entry) == entry.chain else {
                return AuditVerification(entries: offset, firstBadSequence: entry.sequence,
                                         problem: "entry \(entry.sequence) does not match the chain (modified, inserted, reordered or forged)",
                                         head: try head())
            }
            previous = entry.chain
            chainBySequence[entry.sequence] = entry.chain
        }
        if let expectedHead {
            let parts = expectedHead.split(separator: ":")
            guard parts.count == 2, let sequence = Int(parts[0]) else {
                return AuditVerification(entries: all.count, firstBadSequence: 0, problem: "the given head is not 'sequence:hash'", head: try head())
            }
            guard let chain = chainBySequence[sequence] else {
                return AuditVerification(entries: all.count, firstBadSequence: all.count + 1,
                                         problem: "the log ends at entry \(all.count) but the given head is entry \(sequence): entries were cut off",
                                         head: try head())
            }
            guard Hex.encode(chain) == String(parts[1]) else {
                return AuditVerification(entries: all.count, firstBadSequence: sequence,
                                         problem: "entry \(sequence) differs from the given head", head: try head())
            }
        }
        return AuditVerification(entries: all.count, firstBadSequence: nil, problem: nil, head: try head())
    }
}
