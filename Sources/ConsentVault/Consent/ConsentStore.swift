import Foundation

/// Owns the consent ledger (`consent_events`), double opt-in tokens (`doi_tokens`), field
/// restrictions (`field_restrictions`) and the consent proof kept after erasure
/// (`consent_proof_archive`). Appends run inside the caller's write transaction.
struct ConsentStore {
    let database: Database

    /// The columns of an event, for a query over `FormatFour.consentEvents` (the terms joined back,
    /// the notice hash as recorded, which format 3 keeps in the `notices` row the event names).
    private static let eventColumns = """
        c.seq AS seq, t.purpose AS purpose, t.field AS field, t.event AS event, t.notice_version AS notice_version, \(FormatFour.noticeHash),
        t.language AS language, t.channel AS channel, c.captured_at AS captured_at, c.recorded_at AS recorded_at, t.actor AS actor,
        t.guardian AS guardian, c.evidence AS evidence
        """

    /// Every event of `member`, in ledger order.
    func events(of member: MemberID) throws -> [ConsentEvent] {
        try database.statement("SELECT \(Self.eventColumns) FROM \(FormatFour.consentEvents) WHERE c.member_key = (SELECT key FROM members WHERE id = ?1) ORDER BY c.seq")
            .rows([.text(member.rawValue)], table: "consent_events").map(Self.event)
    }

    /// Every member's events, grouped by member id, each in ledger order (for aggregate reports).
    func eventsByMember() throws -> [MemberID: [ConsentEvent]] {
        var grouped: [MemberID: [ConsentEvent]] = [:]
        for row in try database.statement("SELECT m.id AS member_id, \(Self.eventColumns) FROM \(FormatFour.consentEvents) JOIN members m ON m.key = c.member_key ORDER BY m.id, c.seq")
            .rows(table: "consent_events") {
            grouped[try row.memberID("member_id"), default: []].append(try Self.event(row))
        }
        return grouped
    }

    /// Decodes a row of `eventColumns` (also as `sealedRows` reads it).
    static func event(_ row: Row) throws -> ConsentEvent {
        let field = try row.text("field")
        return ConsentEvent(sequence: try row.integer("seq"), purpose: try row.text("purpose"), field: field.isEmpty ? nil : field,
                            kind: try row.decode("event", as: ConsentEventKind.self), noticeVersion: try row.optionalInteger("notice_version"),
                            noticeSHA256: try row.optionalText("notice_sha256"), language: try row.optionalText("language"),
                            channel: try row.decodeOptional("channel", as: Channel.self), capturedAt: try row.text("captured_at"),
                            recordedAt: try row.text("recorded_at"), actor: try row.text("actor"), guardian: try row.bool("guardian"),
                            evidence: try row.text("evidence"))
    }

    /// Appends one event and returns its sequence number: one past the ledger's counter and past the
    /// member's newest event, so a counter set back with `sqlite3` cannot file a new event (a
    /// withdrawal) before the member's older ones; a missing counter row stops the append.
    @discardableResult
    func append(_ event: NewConsentEvent, for member: MemberID) throws -> Int {
        let terms = try termsCode(of: event)
        let inserted = try database.statement("""
            INSERT INTO consent_events (member_key, seq, terms, notice_sha256, captured_unix, recorded_unix, evidence)
            VALUES ((SELECT key FROM members WHERE id = ?1),
                    max((SELECT last FROM ledger_counters WHERE name = 'consent_events'),
                        coalesce((SELECT max(seq) FROM consent_events WHERE member_key = (SELECT key FROM members WHERE id = ?1)), 0)) + 1, ?2,
                    \(FormatThree.storedNoticeHash("?3", purpose: "?4", version: "?5", language: "?6")), unixepoch(?7), unixepoch(?8), ?9)
            RETURNING seq
            """).rows([.text(member.rawValue), .integer(terms), event.noticeSHA256.map { .text($0) } ?? .null, .text(event.purpose),
                       event.noticeVersion.map { .integer(Int64($0)) } ?? .null, .text(event.language), .text(event.capturedAt),
                       .text(event.recordedAt), .text(event.evidence)], table: "consent_events")
        guard let sequence = inserted.first else { throw StorageError.corruptRow(table: "consent_events", column: "seq", problem: "no sequence number returned") }
        return try sequence.integer("seq")
    }

    /// The `consent_terms` code of the event's purpose, field, kind, notice version, language,
    /// channel, actor and guardian flag, added when no event had that combination before.
    private func termsCode(of event: NewConsentEvent) throws -> Int64 {
        try FormatFour.consentTerms.code(of: [.text(event.purpose), .text(event.field ?? ""), .text(event.kind.rawValue),
                                              event.noticeVersion.map { .integer(Int64($0)) } ?? .null, .text(event.language),
                                              event.channel.map { .text($0.rawValue) } ?? .null, .text(event.actor), .integer(event.guardian ? 1 : 0)],
                                         in: database)
    }

    /// The notice language of the member's latest event, if any.
    func latestLanguage(of member: MemberID) throws -> String? {
        try database.statement("SELECT t.language AS language FROM \(FormatFour.consentEvents) WHERE c.member_key = (SELECT key FROM members WHERE id = ?1) ORDER BY c.seq DESC LIMIT 1")
            .rows([.text(member.rawValue)], table: "consent_events").first?.optionalText("language")
    }

    /// Whether the ledger recorded anything for `member` at or after `time`.
    func hasActivity(of member: MemberID, since time: String) throws -> Bool {
        !(try database.statement("SELECT 1 AS found FROM consent_events WHERE member_key = (SELECT key FROM members WHERE id = ?1) AND recorded_at >= ?2 LIMIT 1")
            .rows([.text(member.rawValue), .text(time)], table: "consent_events").isEmpty)
    }

    /// When the member's newest consent event was recorded (stored time, ISO 8601 UTC), or nil.
    func latestEventTime(of member: MemberID) throws -> String? {
        try database.statement("SELECT max(recorded_at) AS at FROM consent_events WHERE member_key = (SELECT key FROM members WHERE id = ?1)")
            .rows([.text(member.rawValue)], table: "consent_events").first?.optionalText("at")
    }

    /// Events of the member, counted.
    func eventCount(of member: MemberID) throws -> Int {
        try database.statement("SELECT count(*) AS value FROM consent_events WHERE member_key = (SELECT key FROM members WHERE id = ?1)")
            .scalar([.text(member.rawValue)], table: "consent_events")
    }

    // MARK: Double opt-in tokens

    /// Stores a token's hash for the pending consent it confirms.
    func insertToken(hash: [UInt8], for member: MemberID, purpose: String, field: String?, expiresAt: String) throws {
        try database.statement("INSERT INTO doi_tokens (token_hash, member_id, purpose, field, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)")
            .run([.blob(hash), .text(member.rawValue), .text(purpose), .text(field ?? ""), .text(expiresAt)])
    }

    /// The token with `hash` issued to `member`, or nil.
    func token(hash: [UInt8], of member: MemberID) throws -> DoubleOptInToken? {
        try database.statement("SELECT member_id, purpose, field, expires_at, used_at FROM doi_tokens WHERE token_hash = ?1 AND member_id = ?2")
            .rows([.blob(hash), .text(member.rawValue)], table: "doi_tokens").first.map(DoubleOptInToken.init)
    }

    /// The member a token with `hash` was issued to, or nil.
    func member(ofToken hash: [UInt8]) throws -> MemberID? {
        try database.statement("SELECT member_id FROM doi_tokens WHERE token_hash = ?1").rows([.blob(hash)], table: "doi_tokens").first?
            .memberID("member_id")
    }

    /// Marks a token used.
    func markTokenUsed(hash: [UInt8], at now: String) throws {
        try database.statement("UPDATE doi_tokens SET used_at = ?2 WHERE token_hash = ?1").run([.blob(hash), .text(now)])
    }

    /// Consents still waiting for a confirmation whose token expired before `now`, one per member,
    /// purpose and field.
    func unconfirmedExpired(before now: String) throws -> [PendingConfirmation] {
        try database.statement("""
            SELECT DISTINCT member_id, purpose, field FROM doi_tokens WHERE used_at IS NULL AND expires_at < ?1
            """).rows([.text(now)], table: "doi_tokens").map {
            let field = try $0.text("field")
            return PendingConfirmation(member: try $0.memberID("member_id"), purpose: try $0.text("purpose"), field: field.isEmpty ? nil : field)
        }
    }

    /// Deletes every unused token of the member (its email changed: old links must not work).
    func deleteUnusedTokens(of member: MemberID) throws {
        try database.statement("DELETE FROM doi_tokens WHERE member_id = ?1 AND used_at IS NULL").run([.text(member.rawValue)])
    }

    /// Deletes the member's unused tokens for `purpose`.
    func deleteUnusedTokens(of member: MemberID, purpose: String) throws {
        try database.statement("DELETE FROM doi_tokens WHERE member_id = ?1 AND purpose = ?2 AND used_at IS NULL")
            .run([.text(member.rawValue), .text(purpose)])
    }

    // MARK: Field restrictions

    /// Fields kept but restricted after the last consent for them was withdrawn.
    func restrictedFields(of member: MemberID) throws -> Set<String> {
        Set(try database.statement("SELECT field FROM field_restrictions WHERE member_id = ?1")
            .rows([.text(member.rawValue)], table: "field_restrictions").map { try $0.text("field") })
    }

    /// Restricts `field` of `member` (no change if it already is).
    func restrict(_ field: String, of member: MemberID, since now: String) throws {
        try database.statement("INSERT OR IGNORE INTO field_restrictions (member_id, field, since) VALUES (?1, ?2, ?3)")
            .run([.text(member.rawValue), .text(field), .text(now)])
    }

    /// Lifts the restriction of `field`, as sharing the value again does.
    func liftRestriction(_ field: String, of member: MemberID) throws {
        try database.statement("DELETE FROM field_restrictions WHERE member_id = ?1 AND field = ?2").run([.text(member.rawValue), .text(field)])
    }

    // MARK: Seals

    /// The member's rows a seal covers: every event, token and restriction, in a fixed order.
    func sealedRows(of member: String) throws -> [Row] {
        try database.statement("SELECT \(Self.eventColumns) FROM \(FormatFour.consentEvents) WHERE c.member_key = (SELECT key FROM members WHERE id = ?1) ORDER BY c.seq")
            .rows([.text(member)], table: "consent_events")
            + database.statement("SELECT token_hash, purpose, field, expires_at, used_at FROM doi_tokens WHERE member_id = ?1 ORDER BY token_hash")
            .rows([.text(member)], table: "doi_tokens")
            + database.statement("SELECT field, since FROM field_restrictions WHERE member_id = ?1 ORDER BY field")
            .rows([.text(member)], table: "field_restrictions")
    }

    // MARK: Erasure

    /// Copies the member's events under the erasure tag `tag`, without the member id, kept until `heldUntil`.
    func archiveProof(of member: MemberID, tag: String, heldUntil: String) throws {
        try database.statement("""
            INSERT INTO consent_proof_archive (member_tag, purpose, field, event, notice_version, notice_sha256, channel, captured_at, evidence, held_until)
            SELECT ?2, t.purpose, t.field, t.event, t.notice_version, \(FormatFour.noticeHash), t.channel, c.captured_at, c.evidence, ?3
            FROM \(FormatFour.consentEvents) WHERE c.member_key = (SELECT key FROM members WHERE id = ?1)
            """).run([.text(member.rawValue), .text(tag), .text(heldUntil)])
    }

    /// Deletes archived proof whose hold ended before `day`.
    func deleteArchivedProof(heldUntilBefore day: String) throws {
        try database.statement("DELETE FROM consent_proof_archive WHERE held_until < ?1").run([.text(day)])
    }

    /// Deletes every event, token and restriction of the member.
    func erase(_ member: MemberID) throws {
        try database.statement("DELETE FROM consent_events WHERE member_key = (SELECT key FROM members WHERE id = ?1)").run([.text(member.rawValue)])
        for table in ["doi_tokens", "field_restrictions"] {
            try database.statement("DELETE FROM \(table) WHERE member_id = ?1").run([.text(member.rawValue)])
        }
    }
}

/// A consent event about to be appended, with everything the ledger stores.
struct NewConsentEvent {
    /// The purpose the event is about.
    let purpose: String
    /// Field, or nil for the whole purpose.
    let field: String?
    /// Grant, deny, withdraw, confirmation or expiry.
    let kind: ConsentEventKind
    /// Version of the notice shown, if the purpose has one.
    let noticeVersion: Int?
    /// SHA-256 of the notice text shown.
    let noticeSHA256: String?
    /// Language of the notice shown.
    let language: String
    /// Where it came from.
    let channel: Channel?
    /// When the member gave it (ISO 8601).
    let capturedAt: String
    /// When the vault recorded it (ISO 8601).
    let recordedAt: String
    /// Name of the principal who recorded it.
    let actor: String
    /// Whether a guardian consented.
    let guardian: Bool
    /// Evidence JSON (IP prefix, guardian flag); never raw personal data.
    let evidence: String
}

/// A consent waiting for its double opt-in confirmation.
struct PendingConfirmation {
    /// Whose consent it is.
    let member: MemberID
    /// The purpose of the pending consent.
    let purpose: String
    /// Its field, or nil for the whole purpose.
    let field: String?
}

/// A double opt-in token as stored (by hash only).
struct DoubleOptInToken {
    /// Whose consent it confirms.
    let member: MemberID
    /// The purpose of the pending consent.
    let purpose: String
    /// Its field, or nil for the whole purpose.
    let field: String?
    /// When it stops working.
    let expiresAt: Date
    /// Whether it was already used.
    let isUsed: Bool

    /// Decodes a `doi_tokens` row.
    init(_ row: Row) throws {
        member = try row.memberID("member_id")
        purpose = try row.text("purpose")
        let field = try row.text("field")
        self.field = field.isEmpty ? nil : field
        expiresAt = try row.date("expires_at")
        isUsed = try row.optionalText("used_at") != nil
    }
}
