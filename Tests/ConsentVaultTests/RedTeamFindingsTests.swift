@testable import ConsentVault
import Foundation
import Testing

/// One test per finding of the outside red team: each performs the attack as reported.
@Suite("Red-team findings: each attack, repeated")
struct RedTeamFindingsTests {
    @Test("an erased member under a legal hold takes no new data, consent, share or lookup")
    func erasedMemberIsTombstone() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de"), FieldInput("purchase_receipts", "Bon 1")],
                                                 channel: .app, as: admin).member
        let report = try test.vault.requests.erase(anna, as: admin)
        #expect(!report.kept.isEmpty, "the receipts are held, so a tombstone remains")
        // The tombstone names the controller's day (Berlin), which is not UTC's between 23:00 and midnight UTC.
        let erased = MemberError.erased(member: anna.rawValue, on: test.vault.context.today.iso)
        #expect(throws: erased) { try test.vault.members.set("email", to: "neu@example.de", for: anna, as: admin) }
        #expect(throws: erased) { _ = try test.vault.consents.grant(ConsentRequest(purpose: "email_marketing"), for: anna, channel: .app, as: admin) }
        #expect(throws: erased) {
            _ = try test.vault.profiles.share("shoe_size", value: "39", for: anna, purpose: "personalized_offers", channel: .app, as: admin)
        }
        #expect(try test.vault.members.find("email", equals: "neu@example.de", as: admin).isEmpty)
    }

    @Test("a confirmation link sent before a withdrawal or an email change no longer activates anything")
    func staleDoubleOptInLinks() throws {
        let test = try TestVault()
        let grant = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                                  channel: .web, as: admin)
        let anna = grant.member
        try test.vault.consents.withdraw(ConsentRequest(purpose: "email_marketing"), for: anna, as: admin)
        #expect(throws: ConsentError.invalidToken) { _ = try test.vault.consents.confirm(token: grant.consents[0].token!, for: anna, as: admin) }
        let second = try test.vault.consents.grant(ConsentRequest(purpose: "email_marketing"), for: anna, channel: .web, as: admin)
        try test.vault.members.set("email", to: "anna.neu@example.de", for: anna, as: admin)
        #expect(throws: ConsentError.invalidToken) { _ = try test.vault.consents.confirm(token: second.token!, for: anna, as: admin) }
        #expect(try test.vault.consents.states(of: anna, as: admin).first { $0.purpose == "email_marketing" }?.state == .pending)
    }

    @Test("a correction near Int64.max is refused and balance, export and report keep working")
    func hugeAdjustment() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        #expect(throws: RewardError.adjustmentTooLarge(maximum: RewardRule.maximumPoints)) {
            _ = try test.vault.rewards.adjust(anna, by: 9_223_372_036_854_775_700, reason: "x", as: admin)
        }
        _ = try test.vault.rewards.adjust(anna, by: 1_000_000, reason: "goodwill", as: admin)
        #expect(try test.vault.rewards.balance(of: anna, as: admin) == 1_000_000)
        _ = try test.vault.profiles.report(as: admin)
        try test.vault.requests.export(anna, to: test.folder.appendingPathComponent("export").path, as: admin)
    }

    @Test("the same email in NFC, NFD, full-width or with a zero-width space is one member")
    func unicodeVariantsCollide() throws {
        let test = try TestVault()
        _ = try test.vault.members.enroll([FieldInput("email", "m\u{00FC}ller@example.de")], channel: .app, as: admin)
        for variant in ["mu\u{0308}ller@example.de", "m\u{00FC}l\u{200B}ler@example.de", "\u{FF4D}\u{00FC}ller@example.de"] {
            #expect(throws: MemberError.duplicateValue(field: "email"), "\(variant.unicodeScalars.map { String($0.value, radix: 16) })") {
                _ = try test.vault.members.enroll([FieldInput("email", variant)], channel: .app, as: admin)
            }
            #expect(try test.vault.members.find("email", equals: variant, as: admin).count == 1)
        }
    }

    @Test("free text: a newline in a token name, a 120 KB purpose and a long reason are refused and never echoed")
    func freeText() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        #expect(throws: AccessError.invalidTokenName) { _ = try test.vault.tokens.create(name: "crm\nforged-line", role: "marketing", as: admin) }
        let huge = String(repeating: "Anna Müller ", count: 10_000)
        let error = #expect(throws: ConsentError.self) { _ = try test.vault.members.read(anna, purpose: huge, as: admin) }
        #expect(!"\(error!)".contains("Anna") && "\(error!)".count < 200)
        let request = try test.vault.requests.open(.access, for: anna, as: admin)
        #expect(throws: RequestError.reasonNotPlainText(maximum: FreeText.maximumLength)) {
            _ = try test.vault.requests.extend(request.id, reason: "Frau Anna Müller\nrief an", as: admin)
        }
        _ = try test.vault.requests.extend(request.id, reason: "many requests this month", as: admin)
        _ = try test.vault.requests.erase(anna, as: admin)
        #expect(try test.rawDatabase().statement("SELECT extension_reason FROM requests").rows()[0][0] == .null)
    }

    @Test("a capture time in the future and an invalid IP address are refused, and nothing is written")
    func impossibleEvidence() throws {
        let test = try TestVault()
        let future = ConsentEvidence(capturedAt: test.clock.now.addingTimeInterval(86_400 * 365))
        #expect(throws: ConsentError.capturedInFuture) {
            _ = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                              channel: .web, evidence: future, as: admin)
        }
        #expect(throws: ConsentError.invalidIPAddress) {
            _ = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                              channel: .web, evidence: ConsentEvidence(ipAddress: "999.1.1.1"), as: admin)
        }
        #expect(try test.vault.members.count() == 0)
    }

    @Test("prompts: a role without the purpose cannot redact against a member; sessions belong to their maker; erasure purges them")
    func promptSessions() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("first_name", "Anna"), FieldInput("email", "anna@example.de")],
                                                 channel: .app, as: admin).member
        let enrollment = try test.vault.tokens.principal(for: try test.vault.tokens.create(name: "shop", role: "enrollment", as: admin))
        let marketing = try test.vault.tokens.principal(for: try test.vault.tokens.create(name: "crm-app", role: "marketing", as: admin))
        #expect(throws: AccessError.self) {
            _ = try test.vault.prompts.redact("Ist es Anna?", member: anna, purpose: "ai_personalization", as: enrollment)
        }
        let session = try test.vault.prompts.redact("Hallo Anna", member: anna, purpose: "ai_personalization", as: marketing).session
        let free = try test.vault.prompts.redact("Hallo Anna, anna@example.de", purpose: "ai_personalization", as: marketing).session
        let other = try test.vault.tokens.principal(for: try test.vault.tokens.create(name: "crm-two", role: "marketing", as: admin))
        #expect(throws: PromptError.unknownSession(session)) {
            _ = try test.vault.prompts.redact("weiter", member: anna, purpose: "ai_personalization", session: session, as: other)
        }
        test.clock.advance(days: 2)
        _ = try test.vault.prompts.redact("neu", purpose: "ai_personalization", as: marketing)
        #expect(try test.rawDatabase().statement("SELECT id FROM prompt_sessions WHERE id IN (?1, ?2)").rows([.text(session), .text(free)]).isEmpty,
                "expired sessions are purged")
        let fresh = try test.vault.prompts.redact("Hallo Anna, anna@example.de", purpose: "ai_personalization", as: marketing).session
        _ = try test.vault.requests.erase(anna, as: admin)
        #expect(try test.rawDatabase().statement("SELECT id FROM prompt_sessions WHERE id = ?1").rows([.text(fresh)]).isEmpty,
                "a session without a member may hold the erased member's values")
    }

    @Test("an erasure while another connection reads commits, reports the -wal file still to clear, and a later checkpoint clears it")
    func erasureUnderReader() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        let reader = try test.rawDatabase()
        try reader.execute("BEGIN")
        _ = try reader.statement("SELECT count(*) FROM members").rows()
        let report = try test.vault.requests.erase(anna, as: admin)
        #expect(!report.walCleared)
        #expect(try test.vault.members.count() == 0, "the erasure is committed")
        try reader.execute("COMMIT")
        #expect(try test.vault.checkpoint())
        #expect(test.fileContents()["-wal"]?.isEmpty ?? true)
    }

    @Test("vaults, backups and exports are private: 0600 files, 0700 folders, no symlinks, no non-empty folders")
    func privateFiles() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        func mode(_ path: String) throws -> Int { (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1 }
        #expect(try mode(test.vaultPath) == 0o600)
        #expect(try mode(test.vaultPath + "-wal") == 0o600)
        let backup = test.folder.appendingPathComponent("b.vault").path
        try test.vault.backup(to: backup, as: admin)
        #expect(try mode(backup) == 0o600)
        let open = test.folder.appendingPathComponent("open-folder").path
        try FileManager.default.createDirectory(atPath: open, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        try test.vault.requests.export(anna, to: open, as: admin)
        #expect(try mode(open) == 0o700 && mode(open + "/export.json") == 0o600)
        let target = test.folder.appendingPathComponent("elsewhere").path
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
        let link = test.folder.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        #expect(throws: StorageError.self) { try test.vault.requests.export(anna, to: link, as: admin) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: target).isEmpty)
        let backupLink = test.folder.appendingPathComponent("backup-link").path
        try FileManager.default.createSymbolicLink(atPath: backupLink, withDestinationPath: target + "/copy.vault")
        #expect(throws: StorageError.fileExists(path: backupLink)) { try test.vault.backup(to: backupLink, as: admin) }
        #expect(!FileManager.default.fileExists(atPath: target + "/copy.vault"))
    }

    @Test("opening a file that is not a vault (SQLite or empty) leaves it byte for byte as it was")
    func foreignFileUntouched() throws {
        let test = try TestVault()
        let empty = test.folder.appendingPathComponent("empty.db").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        let other = test.folder.appendingPathComponent("other.sqlite").path
        try Database(path: other, create: true).execute("PRAGMA application_id = 0; CREATE TABLE t (x); PRAGMA journal_mode = DELETE")
        let before = try [empty, other].map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        for path in [empty, other] {
            #expect(throws: StorageError.notAVault(path: path)) { _ = try Vault.open(at: path, keyRing: test.ring) }
        }
        #expect(try [empty, other].map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == before)
        #expect(!FileManager.default.fileExists(atPath: empty + "-wal") && !FileManager.default.fileExists(atPath: other + "-wal"))
    }

    @Test("import: invalid UTF-8, a key given twice and 20,000 consents in one line are refused; so are 20,000 consents at enrolment")
    func importBounds() throws {
        let test = try TestVault()
        let invalid = String(decoding: Array(#"{"fields": {"email": "a@example.de", "last_name": "M"#.utf8) + [0xFF] + Array(#"ller"}}"#.utf8),
                             as: UTF8.self)
        let twice = #"{"fields": {"email": "a@example.de", "email": "b@example.de"}}"#
        let flood = #"{"fields": {"email": "c@example.de"}, "consents": ["# + Array(repeating: #"{"purpose": "email_marketing"}"#, count: 20_000)
            .joined(separator: ",") + "]}"
        var lines = [invalid, twice, flood][...]
        var rejected: [ImportRejection] = []
        let summary = try test.vault.members.importMembers(nextLine: { lines.popFirst() }, as: admin, committed: { _ in },
                                                           rejected: { rejected.append($0) })
        #expect(summary.imported == 0 && rejected.map(\.line) == [1, 2, 3])
        #expect(rejected[0].reason.contains("UTF-8") && rejected[1].reason.contains("twice") && rejected[2].reason.contains("consents"))
        #expect(throws: ConsentError.tooManyConsents(maximum: ConsentRequest.maximumPerRequest)) {
            _ = try test.vault.members.enroll([FieldInput("email", "d@example.de")],
                                              consents: Array(repeating: ConsentRequest(purpose: "email_marketing"), count: 20_000),
                                              channel: .web, as: admin)
        }
    }

    @Test("a bad token and a key rotation are audited; a suppressed report cell cannot be recovered from the total")
    func auditedAndSuppressed() throws {
        let test = try TestVault()
        #expect(throws: AccessError.invalidToken) { _ = try test.vault.tokens.principal(for: "cvt_guess") }
        let refusal = try test.vault.context.auditLog.entries().last
        #expect(refusal?.operation == "token.use" && refusal?.outcome == .denied && refusal?.principal == "unknown-token")
        _ = try test.vault.keys.rotate(keyFilePath: test.keyPath, as: admin)
        #expect(try test.vault.context.auditLog.entries().last?.operation == "keys.rotate")
        // 12 members with no profile field, one with one field: the one is hidden, and so is the 12.
        for index in 0..<12 { _ = try test.vault.members.enroll([FieldInput("email", "m\(index)@example.de")], channel: .app, as: admin) }
        _ = try test.vault.members.enroll([FieldInput("email", "solo@example.de"), FieldInput("shoe_size", "39")], channel: .app, as: admin)
        let report = try test.vault.profiles.report(as: admin)
        #expect(report.members == 13)
        #expect(report.completeness.filter { $0.members == nil }.count != 1, "a single hidden cell could be subtracted from the total")
        #expect(report.completeness.first { $0.fieldsShared == 1 }?.members == nil && report.completeness.first { $0.fieldsShared == 0 }?.members == nil)
    }

    @Test("redaction against a member is no oracle: marketing's right and wrong guesses of an unconsented birthday come back alike")
    func noRedactionOracle() throws {
        let test = try TestVault()
        let bob = try test.vault.members.enroll([FieldInput("email", "bob@example.de"), FieldInput("birthday", "1985-03-02")],
                                                channel: .app, as: admin).member
        let marketing = try test.vault.tokens.principal(for: try test.vault.tokens.create(name: "crm-app", role: "marketing", as: admin))
        let guesses = ["1985-03-02", "1985-03-03"].map { "Termin \($0) bestätigt" }
        let answers = try guesses.map { try test.vault.prompts.redact($0, member: bob, purpose: "email_marketing", as: marketing) }
        #expect(answers[0].entities.map(\.type) == answers[1].entities.map(\.type))
        let erased = try test.vault.members.enroll([FieldInput("email", "erika@example.de"), FieldInput("purchase_receipts", "Bon 7")],
                                                   channel: .app, as: admin).member
        _ = try test.vault.requests.erase(erased, as: admin)
        #expect(throws: MemberError.self) { _ = try test.vault.prompts.redact("Hallo", member: erased, purpose: "email_marketing", as: marketing) }
    }

    @Test("a reason carrying an email or phone number is refused; a symlinked vault path is refused; old capture times and emails in names are not echoed")
    func moreFreeTextAndPaths() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        #expect(throws: RewardError.reasonNotPlainText(maximum: FreeText.maximumLength)) {
            _ = try test.vault.rewards.adjust(anna, by: 5, reason: "Bob Bauer, bob.bauer@example.de, Tel 0171 1234567", as: admin)
        }
        let link = test.folder.appendingPathComponent("link.vault").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: test.vaultPath)
        #expect(throws: StorageError.symbolicLink(path: link)) { _ = try Vault.open(at: link, keyRing: test.ring) }
        #expect(throws: ConsentError.capturedTooLongAgo(years: 20)) {
            _ = try test.vault.consents.grant(ConsentRequest(purpose: "email_marketing"), for: anna, channel: .web,
                                              evidence: ConsentEvidence(capturedAt: Date(timeIntervalSince1970: -2_208_988_800)), as: admin)
        }
        let error = #expect(throws: FieldValueError.self) { _ = try test.vault.members.read(anna, purpose: "loyalty_account", fields: ["anna.secret@example.de"], as: admin) }
        #expect(!"\(error!)".contains("anna.secret"))
    }
}

@Suite("Red-team findings, round 2 of the service")
struct ServiceRedTeamFindingsTests {
    @Test("a NUL in a refused purpose or field name is stored whole: the audit chain holds and the member stays usable")
    func nulInAuditedNames() throws {
        let test = try TestVault()
        let anna = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .app, as: admin).member
        let app = try test.vault.tokens.principal(for: try test.vault.tokens.create(name: "shop", role: "enrollment", as: admin))
        #expect(throws: (any Error).self) { _ = try test.vault.consents.grant(ConsentRequest(purpose: "x\u{0}"), for: anna, channel: .web, as: app) }
        #expect(throws: (any Error).self) { _ = try test.vault.members.read(anna, purpose: "loyalty_account\u{0}", as: app) }
        #expect(throws: (any Error).self) {
            _ = try test.vault.consents.grant(ConsentRequest(purpose: "personalized_offers", field: "clothing_size\u{0}"), for: anna, channel: .web, as: app)
        }
        #expect(try test.vault.audit.verify(as: admin).isIntact)
        #expect(try test.vault.members.read(anna, purpose: "loyalty_account", as: app).member == anna)
    }

    @Test("strict JSON: trailing commas and a byte order mark are refused, also inside strings' neighbours; commas inside strings are not")
    func laxJSON() {
        #expect(StrictJSON.laxSyntax(in: #"{"a": 1,}"#) != nil)
        #expect(StrictJSON.laxSyntax(in: "{\"a\": [1, 2 ,\n ]}") != nil)
        #expect(StrictJSON.laxSyntax(in: "\u{FEFF}{\"a\": 1}") != nil)
        #expect(StrictJSON.laxSyntax(in: #"{"a": "x,}", "b": "\",]"}"#) == nil)
        #expect(StrictJSON.laxSyntax(in: #"{"a": [1, {"b": 2}], "c": {}}"#) == nil)
        #expect(StrictJSON.duplicateKey(in: #"{"email": 1, "em\u0061il": 2}"#) == "email")
    }
}
