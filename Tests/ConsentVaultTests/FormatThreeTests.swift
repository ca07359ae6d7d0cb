@testable import ConsentVault
import Foundation
import Testing

/// Format 3 stores timestamps as integers and a consent event's notice by reference: what reads
/// return must not change, and the reference must not be changeable under the event.
@Suite("Storage format 3: integer timestamps and notice references read as before and cannot be bent")
struct FormatThreeTests {
    private let admin = Principal.localAdministrator

    @Test("timestamps are stored as integers and read back as ISO 8601; a grant's notice hash comes from its notice row")
    func compactColumnsReadAsBefore() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("first_name", "Anna")], consents: [ConsentRequest(purpose: "birthday_rewards")],
                                                 channel: .app, as: admin).member
        let raw = try test.rawDatabase()
        let stored = try raw.statement("SELECT typeof(captured_unix) AS kind, notice_sha256, captured_at FROM consent_events").rows(table: "consent_events")
        let (kind, hash) = (try stored.first?.text("kind"), try stored.first?.optionalText("notice_sha256"))
        #expect(stored.count == 1 && kind == "integer" && hash == nil)
        let event = try #require(try test.vault.context.consents.events(of: anna).first)
        let notice = try #require(try test.vault.context.policyStore.noticeText(purpose: "birthday_rewards", version: event.noticeVersion ?? 0, language: "de"))
        #expect(event.noticeSHA256 == PolicyStore.noticeHash(notice))
        let capturedAt = try stored.first?.text("captured_at")
        #expect(Timestamp.date(event.capturedAt) != nil && event.capturedAt == capturedAt)
    }

    @Test("an event naming a notice hash its notice row does not hold keeps its own hash")
    func foreignNoticeHashStaysInline() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("first_name", "Anna")], channel: .app, as: admin).member
        let other = String(repeating: "ab", count: 32)
        let now = test.vault.context.timestamp
        try test.vault.context.database.writeTransaction {
            _ = try test.vault.context.consents.append(NewConsentEvent(
                purpose: "birthday_rewards", field: nil, kind: .grant, noticeVersion: 1, noticeSHA256: other, language: "de", channel: .app,
                capturedAt: now, recordedAt: now, actor: "test", guardian: false, evidence: "{}"), for: anna)
        }
        #expect(try test.vault.context.consents.events(of: anna).map(\.noticeSHA256) == [other])
    }

    @Test("a timestamp is what Timestamp.string writes: no rolled-over day or hour, no fraction, no offset")
    func strictTimestamps() {
        #expect(Timestamp.date("2026-11-26T10:00:00Z") != nil)
        for bad in ["2026-02-29T10:00:00Z", "2026-11-26T24:00:00Z", "2026-11-26T10:00:00.5Z", "2026-11-26T10:00:00+02:00", "2026-11-26T10:00:60Z", ""] {
            #expect(Timestamp.date(bad) == nil, "\(bad)")
        }
    }

    @Test("notices cannot be changed or removed under the events that refer to them")
    func noticesAreAppendOnly() throws {
        let test = try TestVault()
        let raw = try test.rawDatabase()
        let before = try raw.statement("SELECT count(*) AS value FROM notices").scalar(table: "notices")
        #expect(before > 0)
        #expect(throws: StorageError.self) { try raw.execute("UPDATE notices SET text = 'Anders.'") }
        #expect(throws: StorageError.self) { try raw.execute("DELETE FROM notices") }
        #expect(try raw.statement("SELECT count(*) AS value FROM notices WHERE text <> 'Anders.'").scalar(table: "notices") == before)
    }

    @Test("an unknown kind of consent event is refused by the database")
    func unknownEventKindRefused() throws {
        let test = try TestVault()
        _ = try test.vault.members.enroll([FieldInput("first_name", "Anna")], consents: [ConsentRequest(purpose: "birthday_rewards")],
                                          channel: .app, as: admin)
        let raw = try test.rawDatabase()
        // Kinds live in the event's terms (format 4): a new terms row of an unknown kind is refused, a known kind is not.
        let insert = { (kind: String) in
            try raw.execute("""
                INSERT INTO consent_terms (purpose, field, event, notice_version, language, channel, actor, guardian)
                SELECT purpose, field, '\(kind)', notice_version, language, channel, 'someone', guardian FROM consent_terms LIMIT 1
                """)
        }
        #expect(throws: StorageError.self) { try insert("granted") }
        try insert("withdraw")
    }

    @Test("a format-2 timestamp that is not whole UTC seconds stops the step before its batch, naming the table; nothing moves")
    func inexactTimestampStopsTheStep() throws {
        // The format-1 fixture of the CLI tests, taken to format 2 only.
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CLITests/Fixtures/format1/vault.db")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("format3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("vault.db").path
        try FileManager.default.copyItem(atPath: fixture.path, toPath: path)
        let copy = try Database(path: path, create: false)
        try FormatTwo.rebuild.migrate(copy, batchSize: 10) { _, _ in }
        try copy.execute("UPDATE members SET updated_at = '2026-11-26T10:00:00.5Z' WHERE key = (SELECT max(key) FROM members)")
        let members = try copy.statement("SELECT count(*) AS value FROM members").scalar(table: "members")
        #expect {
            try FormatThree.rebuild.migrate(copy, batchSize: 10) { _, _ in }
        } throws: { error in
            guard case StorageError.migrationIncomplete(let table, let problem) = error else { return false }
            return table == "members" && problem.contains("whole UTC seconds")
        }
        #expect(try copy.statement("SELECT count(*) AS value FROM members").scalar(table: "members") == members)
        #expect(try copy.statement("SELECT count(*) AS value FROM members_v3").scalar(table: "members_v3") == 0)
    }
}
