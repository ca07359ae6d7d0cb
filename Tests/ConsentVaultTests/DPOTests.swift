@testable import ConsentVault
import Foundation
import Testing

@Suite("The DPO's desk: requests, export, erasure, holds, backups, retention")
struct DPOTests {
    /// A vault with Anna (every field, consents, points, accesses, a request) and Bernd.
    private func populated() throws -> (TestVault, anna: MemberID, bernd: MemberID) {
        let test = try TestVault()
        let anna = try test.vault.members.enroll(annaFields.filter { $0.name != "purchase_receipts" },
                                         consents: [ConsentRequest(purpose: "birthday_rewards"), ConsentRequest(purpose: "personalized_offers")],
                                         channel: .store, as: admin).member
        let bernd = try test.vault.members.enroll([FieldInput("email", "bernd.becker@example.org"), FieldInput("first_name", "Bernd"), FieldInput("birthday", "1971-03-09")],
                                          consents: [ConsentRequest(purpose: "birthday_rewards")], channel: .web, as: admin).member
        let marketing = try test.vault.tokens.principal(for: try test.vault.tokens.create(name: "crm-app", role: "marketing", as: admin))
        _ = try test.vault.members.read(anna, purpose: "birthday_rewards", as: marketing)
        _ = try test.vault.members.read(bernd, purpose: "birthday_rewards", as: marketing)
        _ = try test.vault.rewards.adjust(anna, by: 7, reason: "Kulanz", as: admin)
        _ = try test.vault.requests.open(.access, for: anna, as: admin)
        return (test, anna, bernd)
    }

    @Test("due dates: one calendar month, month ends and leap years, extension by two months once")
    func dueDates() throws {
        let cases = [("2026-01-31", "2026-02-28"), ("2028-01-31", "2028-02-29"), ("2026-03-31", "2026-04-30"), ("2026-12-15", "2027-01-15"),
                     ("2100-01-29", "2100-02-28"), ("2000-01-30", "2000-02-29")]
        for (received, due) in cases { #expect(CalendarDay(iso: received)!.adding(months: 1).iso == due, "\(received)") }
        let (test, anna, _) = try populated()
        let request = try test.vault.requests.open(.erasure, for: anna, receivedOn: "2026-01-31", as: admin)
        #expect(request.dueOn == "2026-02-28")
        #expect(try test.vault.requests.list(overdue: true, as: admin).map(\.id).contains(request.id), "the test clock is later than February 2026")
        let recent = try test.vault.requests.open(.access, for: anna, as: admin)
        let due = try #require(CalendarDay(iso: recent.dueOn))
        #expect(throws: RequestError.extensionNeedsReason) { _ = try test.vault.requests.extend(recent.id, reason: " ", as: admin) }
        #expect(try test.vault.requests.extend(recent.id, reason: "many requests", as: admin).dueOn == due.adding(months: 2).iso)
        #expect(throws: RequestError.alreadyExtended(recent.id)) { _ = try test.vault.requests.extend(recent.id, reason: "again", as: admin) }
        #expect(throws: RequestError.invalidDate("2026-02-30")) { _ = try test.vault.requests.open(.access, for: anna, receivedOn: "2026-02-30", as: admin) }
        // An erasure request is fulfilled by the erasure, not by closing it while the data is there.
        #expect(throws: RequestError.erasureNotCarriedOut(request: request.id)) { _ = try test.vault.requests.close(request.id, outcome: .fulfilled, as: admin) }
        _ = try test.vault.requests.close(request.id, outcome: .withdrawn, as: admin)
        #expect(throws: RequestError.alreadyClosed(request.id)) { _ = try test.vault.requests.close(request.id, outcome: .fulfilled, as: admin) }
    }

    @Test("restriction allows only legal claims until lifted; objection stops legitimate-interest purposes")
    func restrictionAndObjection() throws {
        let (test, anna, _) = try populated()
        let request = try test.vault.requests.open(.restriction, for: anna, as: admin)
        #expect(try test.vault.members.read(anna, purpose: "birthday_rewards", as: admin).denied == [FieldDenial(field: "birthday", reason: .memberRestricted)])
        #expect(try test.vault.members.read(anna, purpose: "legal_claims", fields: ["last_name"], as: admin).fields == ["last_name": "Müller-Lüdenscheidt"])
        _ = try test.vault.requests.close(request.id, outcome: .fulfilled, as: admin)
        #expect(try test.vault.members.read(anna, purpose: "birthday_rewards", as: admin).fields == ["birthday": "1990-12-24"])
        _ = try test.vault.requests.open(.objection, for: anna, as: admin)
        let policies = try test.editedPolicies { document in
            var purposes = document["purposes"] as! [[String: Any]]
            for index in purposes.indices where purposes[index]["id"] as? String == "analytics" { purposes[index]["aggregate_only"] = false }
            document["purposes"] = purposes
        }
        try test.vault.applyPolicies(try PolicySet.load(fromDirectory: policies), as: admin)
        #expect(try test.vault.members.read(anna, purpose: "analytics", fields: ["birthday"], as: admin).denied == [FieldDenial(field: "birthday", reason: .objected)])
    }

    @Test("the export holds every fact about the member and nothing about anyone else; it matches the schema and is signed")
    func exportCompleteness() throws {
        let (test, anna, bernd) = try populated()
        let directory = test.folder.appendingPathComponent("export").path
        try test.vault.requests.export(anna, to: directory, as: admin)
        let data = try Data(contentsOf: URL(fileURLWithPath: directory + "/export.json"))
        let document = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        let schemaURL = TestVault.repositoryRoot.appendingPathComponent("Sources/ConsentVault/Requests/export-v1.schema.json")
        let schema = try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as! [String: Any]
        #expect(JSONSchemaSubset.violations(of: document, against: schema) == [])

        let stored = try test.vault.members.decryptFields(of: anna)
        let exported = Dictionary(uniqueKeysWithValues: (document["fields"] as! [[String: Any]]).map { ($0["name"] as! String, $0["value"] as! String) })
        #expect(exported == stored, "every stored value, exactly")
        let history = (document["consents"] as! [String: Any])["history"] as! [[String: Any]]
        #expect(history.count == (try test.vault.consents.history(of: anna, as: admin).count))
        #expect(history.allSatisfy { ($0["notice_text"] as? String)?.isEmpty == false || $0["notice_version"] == nil })
        let points = document["points"] as! [String: Any]
        #expect(points["balance"] as? Int == (try test.vault.rewards.balance(of: anna, as: admin)))
        let accesses = document["access_history"] as! [[String: Any]]
        #expect(accesses.contains { $0["principal"] as? String == "crm-app" && $0["purpose"] as? String == "birthday_rewards" })
        #expect((document["requests"] as! [[String: Any]]).count == 1)

        let text = String(decoding: data, as: UTF8.self) + (try String(contentsOfFile: directory + "/export.html", encoding: .utf8))
        for foreign in [bernd.rawValue, "bernd", "Bernd", "1971-03-09"] { #expect(!text.contains(foreign), "\(foreign) leaked into Anna's export") }
        let html = try String(contentsOfFile: directory + "/export.html", encoding: .utf8)
        #expect(html.contains("Müller-Lüdenscheidt") && html.contains("Your rights") && html.contains("Ihre Rechte"))
        #expect(!html.contains("http://") && !html.contains("<script") && !html.contains("src="), "self-contained")

        #expect(try test.vault.requests.verifyExport(at: directory).isValid)
        var tampered = data
        tampered[tampered.count / 2] ^= 0x01
        try tampered.write(to: URL(fileURLWithPath: directory + "/export.json"))
        let verdict = try test.vault.requests.verifyExport(at: directory)
        #expect(!verdict.isValid && verdict.problem == "export.json does not match its checksum (changed after export)")
        try data.write(to: URL(fileURLWithPath: directory + "/export.json"))
        var manifest = try Data(contentsOf: URL(fileURLWithPath: directory + "/manifest.json"))
        manifest[10] ^= 0x01
        try manifest.write(to: URL(fileURLWithPath: directory + "/manifest.json"))
        #expect(try test.vault.requests.verifyExport(at: directory).isValid == false)
    }

    @Test("after erasure no value or ciphertext of the member is in the vault, its WAL or its shm; others are intact")
    func erasureCompleteness() throws {
        let (test, anna, bernd) = try populated()
        let raw = try test.rawDatabase()
        let ciphertexts = try raw.statement("SELECT ciphertext FROM member_fields WHERE member_key = (SELECT key FROM members WHERE id = ?1)").rows([.text(anna.rawValue)]).map { Data($0[0].blob!) }
        let wrappedKey = Data(try raw.statement("SELECT wrapped_data_key FROM members WHERE id = ?1").rows([.text(anna.rawValue)])[0][0].blob!)
        let indexHashes = try raw.statement("SELECT hash FROM blind_indexes WHERE member_key = (SELECT key FROM members WHERE id = ?1)").rows([.text(anna.rawValue)]).map { Data($0[0].blob!) }
        // Values of 5 bytes or more: shorter ones ("XL", "38.5") occur by chance in other members' random ciphertexts.
        let values = try test.vault.members.decryptFields(of: anna).values.map { Data($0.utf8) }.filter { $0.count >= 5 }
        #expect(ciphertexts.count == 10 && !values.isEmpty)
        let report = try test.vault.requests.erase(anna, as: admin)
        #expect(report.kept.contains { $0.what.contains("consent event") && $0.until != nil })
        #expect(!report.erased.isEmpty)
        for (file, bytes) in test.fileContents() {
            for needle in ciphertexts + [wrappedKey] + indexHashes + values + [Data(anna.rawValue.utf8)] {
                #expect(bytes.range(of: needle) == nil, "\(needle.count) bytes of the erased member found in \(file)")
            }
        }
        #expect(throws: MemberError.memberNotFound(anna.rawValue)) { _ = try test.vault.members.read(anna, purpose: "loyalty_account", as: admin) }
        #expect(try test.vault.members.find("email", equals: "anna.mueller@example.de", as: admin).isEmpty)
        #expect(try test.vault.members.list(as: admin) == [bernd])
        #expect(try test.vault.members.read(bernd, purpose: "birthday_rewards", as: admin).fields == ["birthday": "1971-03-09"])
        #expect(try test.vault.audit.verify(as: admin).isIntact)
    }

    @Test("a backup taken before an erasure and restored after it does not bring the member back")
    func backupRestore() throws {
        let (test, anna, bernd) = try populated()
        let backup = test.folder.appendingPathComponent("before.vault").path
        try test.vault.backup(to: backup, as: admin)
        _ = try test.vault.requests.erase(anna, as: admin)
        let restored = try Vault.restore(from: backup, to: test.vaultPath, keyRing: test.ring, as: admin)
        #expect(try restored.members.list(as: admin) == [bernd])
        #expect(throws: MemberError.memberNotFound(anna.rawValue)) { _ = try restored.members.read(anna, purpose: "loyalty_account", as: admin) }
        #expect(try restored.members.find("email", equals: "anna.mueller@example.de", as: admin).isEmpty)
        // Opening the backup file itself also re-applies the journal.
        let reopenedBackup = try Vault.open(at: backup, keyRing: test.ring, erasureJournal: Vault.defaultErasureJournalPath(forVault: test.vaultPath))
        #expect(try reopenedBackup.members.list(as: admin) == [bernd])
        let journal = try String(contentsOfFile: Vault.defaultErasureJournalPath(forVault: test.vaultPath), encoding: .utf8)
        #expect(!journal.contains(anna.rawValue) && journal.split(separator: "\n").filter { !$0.contains(" suppress ") }.count == 1)
    }

    @Test("two vaults under one key file share its erasure journal: each re-applies its own erasures and opens despite the other's")
    func sharedJournal() throws {
        let (test, anna, bernd) = try populated()
        let journal = test.folder.appendingPathComponent("shared.erasures").path
        let first = try Vault.open(at: test.vaultPath, keyRing: test.ring, erasureJournal: journal)
        let secondPath = test.folder.appendingPathComponent("second.vault").path
        let second = try Vault.create(at: secondPath, keyRing: test.ring, policies: try PolicySet.load(fromDirectory: TestVault.policyDirectory),
                                      erasureJournal: journal)
        let carla = try second.members.enroll([FieldInput("email", "carla@example.de")], channel: .web, as: admin).member
        let backup = test.folder.appendingPathComponent("first-before.vault").path
        try first.backup(to: backup, as: admin)
        _ = try first.requests.erase(anna, as: admin)
        _ = try second.requests.erase(carla, as: admin)
        #expect(try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").filter { !$0.contains(" suppress ") }.count == 2)
        // Each vault opens although the journal holds the other's line it cannot check.
        let reopenedSecond = try Vault.open(at: secondPath, keyRing: test.ring, erasureJournal: journal)
        #expect(try reopenedSecond.members.list(as: admin).isEmpty)
        let restored = try Vault.restore(from: backup, to: test.vaultPath, keyRing: test.ring, erasureJournal: journal, as: admin)
        #expect(try restored.members.list(as: admin) == [bernd], "the first vault's erasure is re-applied from the shared journal")
        // A line moved to the other vault fails that vault's check: tampering is caught, not skipped.
        let lines = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").map(String.init)
        // Lines read `cv2 <vault id> <number> <time> <event…> <check>`.
        let erasures = lines.filter { $0.contains(" erase ") }
        let secondID = String(erasures[1].split(separator: " ")[1])
        var moved = erasures[0].split(separator: " ").map(String.init)
        moved[1] = secondID
        moved[2] = String(lines.filter { $0.split(separator: " ")[1] == secondID }.count + 1)
        try (lines + [moved.joined(separator: " ")]).joined(separator: "\n").appending("\n").write(toFile: journal, atomically: true, encoding: .utf8)
        #expect(throws: StorageError.self) { _ = try Vault.open(at: secondPath, keyRing: test.ring, erasureJournal: journal) }
    }

    @Test("a legal hold keeps exactly the held fields, readable only for legal claims; the retention run removes them later")
    func legalHold() throws {
        let test = try TestVault(today: ISO8601DateFormatter().date(from: "2026-03-10T12:00:00Z")!)
        let anna = try test.vault.members.enroll(annaFields, consents: [ConsentRequest(purpose: "birthday_rewards")], channel: .store, as: admin).member
        let report = try test.vault.requests.erase(anna, as: admin)
        let held = report.kept.filter { $0.what.hasPrefix("field ") }.map { $0.what.split(separator: " ")[1] }
        #expect(Set(held) == ["address", "first_name", "last_name", "purchase_receipts"])
        #expect(report.kept.allSatisfy { $0.until?.hasSuffix("-12-31") == true }, "holds end on 31 December (HGB § 257(5), AO § 147(4), BGB § 199)")
        #expect(Set(try test.vault.members.decryptFields(of: anna).keys) == ["address", "first_name", "last_name", "purchase_receipts"])
        #expect(try test.vault.members.read(anna, purpose: "loyalty_account", as: admin).fields.isEmpty)
        #expect(try test.vault.members.read(anna, purpose: "legal_claims", fields: ["purchase_receipts"], as: admin).fields.count == 1)
        #expect(try test.vault.members.list(as: admin).isEmpty, "an erased member is not listed")
        #expect(throws: MemberError.erased(member: anna.rawValue, on: "2026-03-10"), "a tombstone says when it was erased") {
            try test.vault.requests.erase(anna, as: admin)
        }
        #expect(try test.vault.members.find("email", equals: "anna.mueller@example.de", as: admin).isEmpty)

        _ = try test.vault.retention.run(as: admin)
        #expect(try test.vault.members.decryptFields(of: anna).count == 4, "the hold has not ended")
        test.clock.advance(days: 8 * 365 + 5) // past the eighth anniversary, before 31 December 2034
        #expect(try test.vault.retention.run(as: admin).first { $0.rule == "legal_hold_ended" }?.members == 0, "counted from the end of the year, not from the erasure")
        test.clock.advance(days: 366)
        let outcomes = try test.vault.retention.run(as: admin)
        #expect(outcomes.first { $0.rule == "legal_hold_ended" }?.members == 1)
        #expect(throws: MemberError.memberNotFound(anna.rawValue)) { _ = try test.vault.members.decryptFields(of: anna) }
        #expect(try test.vault.retention.run(as: admin).first { $0.rule == "legal_hold_ended" }?.members == 0, "idempotent")
    }

    @Test("the retention run deletes zero-party data after inactivity, erases inactive members and expires pending opt-ins")
    func retention() throws {
        let test = try TestVault()
        let quiet = try test.vault.members.enroll([FieldInput("email", "q@example.de"), FieldInput("clothing_size", "M")], channel: .app, as: admin).member
        let pending = try test.vault.members.enroll([FieldInput("email", "p@example.de")], consents: [ConsentRequest(purpose: "email_marketing")], channel: .web, as: admin).member
        test.clock.advance(days: 31)
        let dry = try test.vault.retention.run(dryRun: true, as: admin)
        #expect(dry.first { $0.rule == "expire_pending_double_opt_in" }?.members == 1)
        _ = try test.vault.retention.run(as: admin)
        #expect(try test.vault.consents.states(of: pending, as: admin).first { $0.purpose == "email_marketing" }?.state == .expired)
        test.clock.advance(days: 730)
        _ = try test.vault.retention.run(as: admin)
        #expect(try test.vault.members.decryptFields(of: quiet) == ["email": "q@example.de"], "zero-party size deleted, contact kept")
        test.clock.advance(days: 400)
        _ = try test.vault.retention.run(as: admin)
        #expect(try test.vault.members.count() == 0, "inactive for three years: erased")
    }

    @Test("dry runs change nothing: the vault file's bytes stay the same")
    func dryRuns() throws {
        let (test, anna, bernd) = try populated()
        test.clock.advance(days: 2000)
        try test.vault.checkpoint()
        let before = test.fileContents()["vault"]
        let erasure = try test.vault.requests.erase(anna, dryRun: true, as: admin)
        #expect(erasure.dryRun && !erasure.erased.isEmpty)
        let retention = try test.vault.retention.run(dryRun: true, as: admin)
        // Anna waits for the answer to her access request: the retention run leaves her until it is answered.
        #expect(retention.first { $0.rule == "inactive_members" }?.members == 1)
        #expect(Set(retention.first { $0.rule == "inactive_members" }?.memberIDs ?? []) == [bernd], "a dry run names the members it would touch")
        try test.vault.checkpoint()
        #expect(test.fileContents()["vault"] == before)
        #expect(try test.vault.members.count() == 2)
    }

    @Test("export files from elsewhere (a service's answer) are written only under their four names: no path leaves the folder")
    func exportFileNamesChecked() throws {
        let test = try TestVault()
        let folder = test.folder.appendingPathComponent("export").path
        #expect(throws: StorageError.self) {
            try RequestOperations.writeExport(["export.json": Data("{}".utf8), "../escaped.json": Data("{}".utf8)], to: folder)
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(!FileManager.default.fileExists(atPath: test.folder.appendingPathComponent("escaped.json").path))
    }
}
