import Foundation

/// Reading and appending consent events. Appends run inside the caller's write transaction.
struct ConsentLedger {
    let database: Database

    private static let columns = """
        seq, purpose, field, event, notice_version, notice_sha256, language, channel, captured_at, recorded_at, actor, guardian, evidence
        """

    /// Every event of `member`, in ledger order.
    func events(of member: MemberID) throws -> [ConsentEvent] {
        try database.statement("SELECT \(Self.columns) FROM consent_events WHERE member_id = ?1 ORDER BY seq")
            .rows([.text(member.rawValue)]).map(Self.event)
    }

    /// Every member's events, grouped by member id, each in ledger order (for aggregate reports).
    func eventsByMember() throws -> [String: [ConsentEvent]] {
        var grouped: [String: [ConsentEvent]] = [:]
        for row in try database.statement("SELECT member_id, \(Self.columns) FROM consent_events ORDER BY member_id, seq").rows() {
            grouped[row[0].text ?? "", default: []].append(Self.event(Array(row.dropFirst())))
        }
        return grouped
    }

    private static func event(_ row: [SQLValue]) -> ConsentEvent {
        ConsentEvent(sequence: Int(row[0].integer ?? 0), purpose: row[1].text ?? "",
                     field: (row[2].text ?? "").isEmpty ? nil : row[2].text, kind: ConsentEventKind(rawValue: row[3].text ?? "") ?? .deny,
                     noticeVersion: row[4].integer.map(Int.init), noticeSHA256: row[5].text, language: row[6].text,
                     channel: row[7].text, capturedAt: row[8].text ?? "", recordedAt: row[9].text ?? "",
                     actor: row[10].text ?? "", guardian: row[11].integer == 1, evidence: row[12].text ?? "{}")
    }

    /// Appends one event and returns its sequence number.
    @discardableResult
    func append(member: MemberID, purpose: Purpose, field: String?, kind: ConsentEventKind, channel: Channel?,
                evidence: ConsentEvidence, actor: Principal, now: Date) throws -> Int {
        let notice = purpose.notice
        let language = notice?.text[evidence.language] == nil ? "de" : evidence.language
        let noticeHash = notice?.text[language].map(PolicyStore.noticeHash)
        try database.statement("""
            INSERT INTO consent_events (member_id, purpose, field, event, notice_version, notice_sha256, language, channel,
                                        captured_at, recorded_at, actor, guardian, evidence)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
            """).run([.text(member.rawValue), .text(purpose.id), .text(field ?? ""), .text(kind.rawValue),
                      notice.map { .integer(Int64($0.version)) } ?? .null, noticeHash.map { .text($0) } ?? .null,
                      .text(language), channel.map { .text($0.rawValue) } ?? .null,
                      .text(Timestamp.string(evidence.capturedAt ?? now)), .text(Timestamp.string(now)), .text(actor.name),
                      .integer(evidence.guardianConsent ? 1 : 0), .text(Self.evidenceJSON(evidence))])
        return database.lastInsertRowID
    }

    /// Evidence as JSON with the IP address cut to its network prefix.
    static func evidenceJSON(_ evidence: ConsentEvidence) -> String {
        var object: [String: Any] = [:]
        if let address = evidence.ipAddress, let prefix = IPPrefix.network(of: address) { object["ip_prefix"] = prefix }
        if evidence.guardianConsent { object["guardian_consent"] = true }
        guard !object.isEmpty else { return "{}" }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Cuts IP addresses to their network: IPv4 to /24, IPv6 to /48, so no full address is stored.
enum IPPrefix {
    /// `192.0.2.0/24` for `192.0.2.77`; `2001:db8:1::/48` for an IPv6 address; nil if not an address.
    static func network(of address: String) -> String? {
        let octets = address.split(separator: ".", omittingEmptySubsequences: false)
        if octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) {
            return "\(octets[0]).\(octets[1]).\(octets[2]).0/24"
        }
        guard address.contains(":"), address.allSatisfy({ $0.isHexDigit || $0 == ":" }) else { return nil }
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        let head = halves[0].split(separator: ":").map(String.init)
        let tail = halves.count == 2 ? halves[1].split(separator: ":").map(String.init) : []
        let groups = head + Array(repeating: "0", count: max(0, 8 - head.count - tail.count)) + tail
        guard groups.count == 8, groups.allSatisfy({ $0.count <= 4 }) else { return nil }
        return groups.prefix(3).map { String(Int($0, radix: 16) ?? 0, radix: 16) }.joined(separator: ":") + "::/48"
    }
}
