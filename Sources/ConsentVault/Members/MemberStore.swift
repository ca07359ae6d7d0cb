/// Owns the `members`, `member_fields` and `blind_indexes` tables: the only code that writes SQL
/// for them. It stores and returns sealed bytes and hashes; sealing, hashing and every decision
/// happen in the callers.
struct MemberStore {
    let database: Database

    private static let recordColumns = "id, master_key_version, data_key_version, wrapped_data_key, erased_at, seal"

    /// Writes a new member row with its wrapped data key (data key version 1) and erasure tag.
    func insert(_ member: MemberID, channel: Channel, masterVersion: Int, wrappedDataKey: [UInt8], erasureTag: String, now: String) throws {
        try database.statement("""
            INSERT INTO members (id, created_unix, updated_unix, source_channel, master_key_version, data_key_version, wrapped_data_key, erasure_tag)
            VALUES (?1, unixepoch(?2), unixepoch(?2), ?3, ?4, 1, ?5, ?6)
            """).run([.text(member.rawValue), .text(now), .text(channel.rawValue), .integer(Int64(masterVersion)), .blob(wrappedDataKey),
                      .text(erasureTag)])
    }

    /// The member's key material and erasure state, or nil if there is no such member.
    func record(of member: MemberID) throws -> MemberRecord? {
        try database.statement("SELECT \(Self.recordColumns) FROM members WHERE id = ?1")
            .rows([.text(member.rawValue)], table: "members").first.map(MemberRecord.init)
    }

    /// When the member joined and through which channel.
    func origin(of member: MemberID) throws -> (createdAt: String, channel: String)? {
        guard let row = try database.statement("SELECT created_at, source_channel FROM members WHERE id = ?1")
            .rows([.text(member.rawValue)], table: "members").first else { return nil }
        return (try row.text("created_at"), try row.text("source_channel"))
    }

    /// Marks the member as changed now.
    func touch(_ member: MemberID, now: String) throws {
        try database.statement("UPDATE members SET updated_unix = unixepoch(?2) WHERE id = ?1").run([.text(member.rawValue), .text(now)])
    }

    // MARK: Field values

    /// One sealed value, or nil when the member has none for `field`.
    func sealedValue(of member: MemberID, field: String) throws -> SealedValue? {
        try database.statement("SELECT ciphertext, data_key_version FROM member_fields WHERE member_key = (SELECT key FROM members WHERE id = ?1) AND field = ?2")
            .rows([.text(member.rawValue), .text(field)], table: "member_fields").first.map {
                SealedValue(ciphertext: try $0.blob("ciphertext"), dataKeyVersion: try $0.integer("data_key_version"))
            }
    }

    /// Names of the fields the member has a value for, without their values.
    func fieldNames(of member: MemberID) throws -> Set<String> {
        Set(try database.statement("SELECT field FROM member_fields WHERE member_key = (SELECT key FROM members WHERE id = ?1)")
            .rows([.text(member.rawValue)], table: "member_fields").map { try $0.text("field") })
    }

    /// When each field of the member was last written.
    func fieldDates(of member: MemberID) throws -> [String: String] {
        var dates: [String: String] = [:]
        for row in try database.statement("SELECT field, updated_at FROM member_fields WHERE member_key = (SELECT key FROM members WHERE id = ?1)")
            .rows([.text(member.rawValue)], table: "member_fields") {
            dates[try row.text("field")] = try row.text("updated_at")
        }
        return dates
    }

    /// Writes one sealed value.
    func insertValue(_ sealed: SealedValue, field: String, of member: MemberID, now: String) throws {
        try database.statement("""
            INSERT INTO member_fields (member_key, field, ciphertext, data_key_version, updated_unix)
            VALUES ((SELECT key FROM members WHERE id = ?1), ?2, ?3, ?4, unixepoch(?5))
            """).run([.text(member.rawValue), .text(field), .blob(sealed.ciphertext), .integer(Int64(sealed.dataKeyVersion)), .text(now)])
    }

    /// Removes one value and its index entry; returns whether there was a value.
    @discardableResult
    func deleteValue(_ field: String, of member: MemberID) throws -> Bool {
        try database.statement("DELETE FROM member_fields WHERE member_key = (SELECT key FROM members WHERE id = ?1) AND field = ?2").run([.text(member.rawValue), .text(field)])
        let removed = database.changes > 0
        try database.statement("DELETE FROM blind_indexes WHERE member_key = (SELECT key FROM members WHERE id = ?1) AND field = ?2").run([.text(member.rawValue), .text(field)])
        return removed
    }

    // MARK: Blind indexes

    /// Whether another member than `member` holds `hash` for `field`.
    func isIndexTaken(field: String, hash: [UInt8], byOtherThan member: MemberID) throws -> Bool {
        !(try database.statement("""
            SELECT 1 AS taken FROM blind_indexes WHERE field = ?1 AND hash = ?2 AND member_key IS NOT (SELECT key FROM members WHERE id = ?3) LIMIT 1
            """)
            .rows([.text(field), .blob(hash), .text(member.rawValue)], table: "blind_indexes").isEmpty)
    }

    /// Adds an index entry.
    func insertIndex(field: String, hash: [UInt8], for member: MemberID) throws {
        try database.statement("INSERT INTO blind_indexes (field, hash, member_key) VALUES (?1, ?2, (SELECT key FROM members WHERE id = ?3))")
            .run([.text(field), .blob(hash), .text(member.rawValue)])
    }

    /// Members whose `field` has index entry `hash`, in id order.
    func members(withIndex hash: [UInt8], field: String) throws -> [MemberID] {
        try database.statement("SELECT m.id AS member_id FROM blind_indexes b JOIN members m ON m.key = b.member_key WHERE b.field = ?1 AND b.hash = ?2 ORDER BY m.id")
            .rows([.text(field), .blob(hash)], table: "blind_indexes").map { try $0.memberID("member_id") }
    }

    // MARK: Listing and counting

    /// Ids of members not erased, in id order, `limit` after `after`.
    func list(after: MemberID?, limit: Int) throws -> [MemberID] {
        try database.statement("SELECT id FROM members WHERE id > ?1 AND erased_at IS NULL ORDER BY id LIMIT ?2")
            .rows([.text(after?.rawValue ?? ""), .integer(Int64(max(0, limit)))], table: "members").map { try $0.memberID("id") }
    }

    /// Members in the vault, erased ones under a legal hold included.
    func count() throws -> Int {
        try database.statement("SELECT count(*) AS value FROM members").scalar(table: "members")
    }

    /// Members in the vault, counted only up to `limit` (cheap in a large vault).
    func count(upTo limit: Int) throws -> Int {
        try database.statement("SELECT count(*) AS value FROM (SELECT 1 FROM members LIMIT ?1)").scalar([.integer(Int64(limit))], table: "members")
    }

    /// Members with a value for `field`.
    func members(withField field: String) throws -> [MemberID] {
        try database.statement("SELECT m.id AS member_id FROM member_fields f JOIN members m ON m.key = f.member_key WHERE f.field = ?1").rows([.text(field)], table: "member_fields")
            .map { try $0.memberID("member_id") }
    }

    /// Members with a value for `field`, counted.
    func count(withField field: String) throws -> Int {
        try database.statement("SELECT count(*) AS value FROM member_fields WHERE field = ?1").scalar([.text(field)], table: "member_fields")
    }

    /// How many members hold how many of `fields`: shared count → members.
    func histogram(of fields: [String]) throws -> [Int: Int] {
        let placeholders = fields.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
        var result: [Int: Int] = [:]
        for row in try database.statement("""
            SELECT shared, count(*) AS members FROM (
                SELECT m.id, (SELECT count(*) FROM member_fields f WHERE f.member_key = m.key AND f.field IN (\(placeholders))) AS shared
                FROM members m) GROUP BY shared
            """).rows(fields.map { .text($0) }, table: "members") {
            result[try row.integer("shared")] = try row.integer("members")
        }
        return result
    }

    /// Members not erased and not changed since `cutoff`.
    func unchanged(since cutoff: String) throws -> [MemberID] {
        try database.statement("SELECT id FROM members WHERE erased_at IS NULL AND updated_at < ?1 ORDER BY id")
            .rows([.text(cutoff)], table: "members").map { try $0.memberID("id") }
    }

    // MARK: Master key versions

    /// Up to `limit` members whose data key is wrapped under another version than `version`.
    func records(notOn version: Int, limit: Int) throws -> [MemberRecord] {
        try database.statement("SELECT \(Self.recordColumns) FROM members WHERE master_key_version <> ?1 LIMIT ?2")
            .rows([.integer(Int64(version)), .integer(Int64(max(1, limit)))], table: "members").map(MemberRecord.init)
    }

    /// Replaces the wrapped data key of `member` with one under master key `version`.
    func rewrap(_ member: MemberID, version: Int, wrappedDataKey: [UInt8]) throws {
        try database.statement("UPDATE members SET master_key_version = ?2, wrapped_data_key = ?3 WHERE id = ?1")
            .run([.text(member.rawValue), .integer(Int64(version)), .blob(wrappedDataKey)])
    }

    /// Members whose data key is wrapped under another version than `version`.
    func count(notOn version: Int) throws -> Int {
        try database.statement("SELECT count(*) AS value FROM members WHERE master_key_version <> ?1")
            .scalar([.integer(Int64(version))], table: "members")
    }

    /// Member data keys per master key version.
    func countsByMasterVersion() throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in try database.statement("SELECT master_key_version, count(*) AS members FROM members GROUP BY master_key_version")
            .rows(table: "members") {
            counts[try row.integer("master_key_version")] = try row.integer("members")
        }
        return counts
    }

    /// How many members hold a value of each of `fields` (only fields someone holds), in field order.
    func holderCounts(ofFields fields: [String]) throws -> [(String, Int)] {
        try fields.compactMap { field in
            let count = try database.statement("SELECT count(*) AS value FROM member_fields WHERE field = ?1").scalar([.text(field)], table: "member_fields")
            return count > 0 ? (field, count) : nil
        }
    }

    /// When `field` was last written for the member (stored time, ISO 8601 UTC), or nil.
    func updatedTime(of field: String, for member: MemberID) throws -> String? {
        try database.statement("SELECT updated_at FROM member_fields WHERE member_key = (SELECT key FROM members WHERE id = ?1) AND field = ?2")
            .rows([.text(member.rawValue), .text(field)], table: "member_fields").first?.optionalText("updated_at")
    }

    /// The member's blind index entries (field and hash).
    func indexEntries(of member: MemberID) throws -> [(field: String, hash: [UInt8])] {
        try database.statement("SELECT field, hash FROM blind_indexes WHERE member_key = (SELECT key FROM members WHERE id = ?1) ORDER BY field")
            .rows([.text(member.rawValue)], table: "blind_indexes").map { (try $0.text("field"), try $0.blob("hash")) }
    }

    // MARK: Seals

    /// The member's rows a seal covers: erasure state, values and index entries, in a fixed order.
    func sealedRows(of member: String) throws -> [Row] {
        try database.statement("SELECT id, data_key_version, erased_at, held_until FROM members WHERE id = ?1")
            .rows([.text(member)], table: "members")
            + database.statement("SELECT field, data_key_version, ciphertext FROM member_fields WHERE member_key = (SELECT key FROM members WHERE id = ?1) ORDER BY field")
            .rows([.text(member)], table: "member_fields")
            + database.statement("SELECT field, hash FROM blind_indexes WHERE member_key = (SELECT key FROM members WHERE id = ?1) ORDER BY field, hash")
            .rows([.text(member)], table: "blind_indexes")
    }

    /// The member's stored seal, or nil when it has none (or there is no such member).
    func sealOf(_ member: String) throws -> [UInt8]? {
        try database.statement("SELECT seal FROM members WHERE id = ?1").rows([.text(member)], table: "members").first?.value("seal").blobValue
    }

    /// Stores the member's seal.
    func setSeal(_ seal: [UInt8], of member: String) throws {
        try database.statement("UPDATE members SET seal = ?2 WHERE id = ?1").run([.text(member), .blob(seal)])
    }

    /// Whether a member row with this id exists.
    func exists(_ member: String) throws -> Bool {
        !(try database.statement("SELECT 1 AS found FROM members WHERE id = ?1").rows([.text(member)], table: "members").isEmpty)
    }

    /// Every member id, erased ones under a legal hold included.
    func allIDs() throws -> [String] {
        try database.statement("SELECT id FROM members ORDER BY id").rows(table: "members").map { try $0.text("id") }
    }

    // MARK: Erasure

    /// Members not yet erased whose erasure tag is among `tags` (brought back by a restore).
    func unerased(withTags tags: [String]) throws -> [MemberID] {
        var found: [MemberID] = []
        for start in stride(from: 0, to: tags.count, by: 500) {
            let chunk = Array(tags[start..<min(start + 500, tags.count)])
            let placeholders = chunk.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
            found += try database.statement("SELECT id FROM members WHERE erased_at IS NULL AND erasure_tag IN (\(placeholders))")
                .rows(chunk.map { .text($0) }, table: "members").map { try $0.memberID("id") }
        }
        return found
    }

    /// The member (erased or not) with this erasure tag, and whether it is erased.
    func member(withTag tag: String) throws -> (id: MemberID, isErased: Bool)? {
        try database.statement("SELECT id, erased_at FROM members WHERE erasure_tag = ?1").rows([.text(tag)], table: "members").first.map {
            (try $0.memberID("id"), try $0.optionalText("erased_at") != nil)
        }
    }

    /// Erased members whose legal hold ended before `day` (`YYYY-MM-DD`).
    func heldMembers(endingBefore day: String) throws -> [MemberID] {
        try database.statement("SELECT id FROM members WHERE erased_at IS NOT NULL AND held_until < ?1")
            .rows([.text(day)], table: "members").map { try $0.memberID("id") }
    }

    /// Deletes the member row (its values and index entries go with it).
    func delete(_ member: MemberID) throws {
        try database.statement("DELETE FROM members WHERE id = ?1").run([.text(member.rawValue)])
    }

    /// Marks the member erased with held values kept until `heldUntil`, and drops every index entry.
    func markErased(_ member: MemberID, at now: String, heldUntil: String) throws {
        try database.statement("DELETE FROM blind_indexes WHERE member_key = (SELECT key FROM members WHERE id = ?1)").run([.text(member.rawValue)])
        try database.statement("UPDATE members SET erased_at = ?2, held_until = ?3 WHERE id = ?1")
            .run([.text(member.rawValue), .text(now), .text(heldUntil)])
    }
}

/// One field value as stored: the ciphertext and the data key version it was sealed under.
struct SealedValue: Sendable {
    /// `nonce || ciphertext || tag`.
    let ciphertext: [UInt8]
    /// Bound into the associated data; changes only if data keys are ever rotated.
    let dataKeyVersion: Int
}

/// A member's key material and erasure state as stored in the `members` row.
struct MemberRecord {
    /// Whose row this is.
    let id: MemberID
    /// Master key version wrapping the data key.
    let masterKeyVersion: Int
    /// Version of the data key itself (bound into every field's associated data).
    let dataKeyVersion: Int
    /// The sealed data key.
    let wrappedDataKey: [UInt8]
    /// When the member was erased (only data under a legal hold remains), or nil.
    let erasedAt: String?
    /// Whether the member was erased and only data under a legal hold remains.
    var isErased: Bool { erasedAt != nil }
    /// The seal over the member's rows, as stored (nil if none was ever written).
    let seal: [UInt8]?

    /// A record from its parts (for a member being written).
    init(id: MemberID, masterKeyVersion: Int, dataKeyVersion: Int, wrappedDataKey: [UInt8]) {
        self.id = id
        self.masterKeyVersion = masterKeyVersion
        self.dataKeyVersion = dataKeyVersion
        self.wrappedDataKey = wrappedDataKey
        erasedAt = nil
        seal = nil
    }

    /// Decodes a row of `MemberStore.recordColumns`.
    init(_ row: Row) throws {
        id = try row.memberID("id")
        masterKeyVersion = try row.integer("master_key_version")
        dataKeyVersion = try row.integer("data_key_version")
        wrappedDataKey = try row.blob("wrapped_data_key")
        erasedAt = try row.optionalText("erased_at")
        seal = try row.value("seal").blobValue
    }
}
