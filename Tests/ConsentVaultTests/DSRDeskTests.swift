@testable import ConsentVault
import Foundation
import Testing

/// The DSR desk catching a DPO's mistakes: received dates, extensions within the first month, the open list.
@Suite("DSR desk: dates, extensions, the open list")
struct DSRDeskTests {
    private func day(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso + "T12:00:00Z")! }

    @Test("a received date may be written as DD.MM.YYYY; one in the future is refused and changes nothing")
    func receivedDates() throws {
        let test = try TestVault(today: day("2026-02-10"))
        let member = try test.vault.members.enroll([FieldInput("email", "desk@example.de")], channel: .web, as: .localAdministrator).member
        let german = try test.vault.requests.open(.access, for: member, receivedOn: "15.01.2026", as: .localAdministrator)
        #expect(german.receivedOn == "2026-01-15" && german.dueOn == "2026-02-15")
        let before = try test.worldSnapshot()
        #expect(throws: RequestError.receivedInFuture("2027-01-15")) {
            try test.vault.requests.open(.access, for: member, receivedOn: "15.01.2027", as: .localAdministrator)
        }
        #expect(throws: RequestError.invalidDate("31.02.2026")) {
            try test.vault.requests.open(.access, for: member, receivedOn: "31.02.2026", as: .localAdministrator)
        }
        #expect(throws: RequestError.receivedBeforeGDPR("2018-05-24")) {
            try test.vault.requests.open(.access, for: member, receivedOn: "24.05.2018", as: .localAdministrator)
        }
        #expect(try test.worldSnapshot() == before)
    }

    @Test("the desk's day is the controller's: at 23:40 UTC on 31 December it is already 1 January in Berlin")
    func controllersDay() throws {
        let test = try TestVault(today: ISO8601DateFormatter().date(from: "2026-12-31T23:40:00Z")!)
        let member = try test.vault.members.enroll([FieldInput("email", "silvester@example.de")], channel: .web, as: .localAdministrator).member
        let today = try test.vault.requests.open(.access, for: member, as: .localAdministrator)
        #expect(today.receivedOn == "2027-01-01" && today.dueOn == "2027-02-01", "\(today)")
        #expect(try test.vault.requests.open(.access, for: member, receivedOn: "01.01.2027", as: .localAdministrator).receivedOn == "2027-01-01")
    }

    @Test("an extension is decided within the first month; later it is refused, and the reason shows")
    func extensionWindow() throws {
        let test = try TestVault(today: day("2026-03-01"))
        let member = try test.vault.members.enroll([FieldInput("email", "late@example.de")], channel: .web, as: .localAdministrator).member
        let early = try test.vault.requests.open(.access, for: member, receivedOn: "2026-02-20", as: .localAdministrator)
        let extended = try test.vault.requests.extend(early.id, reason: "many requests this month", as: .localAdministrator)
        #expect(extended.dueOn == "2026-05-20" && extended.extensionReason == "many requests this month")
        let late = try test.vault.requests.open(.access, for: member, receivedOn: "2026-01-02", as: .localAdministrator)
        #expect(throws: RequestError.extensionTooLate(dueOn: "2026-02-02")) {
            try test.vault.requests.extend(late.id, reason: "complex request", as: .localAdministrator)
        }
    }

    @Test("the list shows open requests by default, with days left or overdue; closed ones only with all")
    func openList() throws {
        let test = try TestVault(today: day("2026-03-10"))
        let member = try test.vault.members.enroll([FieldInput("email", "list@example.de")], channel: .web, as: .localAdministrator).member
        let overdue = try test.vault.requests.open(.access, for: member, receivedOn: "2026-01-20", as: .localAdministrator)
        let open = try test.vault.requests.open(.portability, for: member, receivedOn: "2026-03-05", as: .localAdministrator)
        let closed = try test.vault.requests.open(.rectification, for: member, receivedOn: "2026-03-01", as: .localAdministrator)
        _ = try test.vault.requests.close(closed.id, outcome: .fulfilled, as: .localAdministrator)
        let listed = try test.vault.requests.list(as: .localAdministrator)
        #expect(Set(listed.map(\.id)) == [overdue.id, open.id])
        #expect(Set(try test.vault.requests.list(all: true, as: .localAdministrator).map(\.id)) == [overdue.id, open.id, closed.id])
        let today = test.vault.requests.today
        #expect(listed.first { $0.id == overdue.id }?.daysLeft(on: today) == -18)
        #expect(listed.first { $0.id == open.id }?.daysLeft(on: today) == 26)
    }

    @Test("an export answers its access request and closes it; erasing an erased member says when it was erased")
    func exportAnswersAndErasedSaysWhen() throws {
        let test = try TestVault(today: day("2026-04-01"))
        let member = try test.vault.members.enroll([FieldInput("email", "answer@example.de")], channel: .web, as: .localAdministrator).member
        let access = try test.vault.requests.open(.access, for: member, as: .localAdministrator)
        let erasure = try test.vault.requests.open(.erasure, for: member, as: .localAdministrator)
        let folder = test.folder.appendingPathComponent("export").path
        #expect(throws: RequestError.notAnOpenExportRequest(request: erasure.id, member: member.rawValue)) {
            try test.vault.requests.export(member, to: folder, request: erasure.id, as: .localAdministrator)
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/export.json"), "a refused export writes nothing")
        try test.vault.requests.export(member, to: folder, request: access.id, as: .localAdministrator)
        #expect(try test.vault.requests.show(access.id, as: .localAdministrator).outcome == .fulfilled)
        _ = try test.vault.requests.erase(member, request: erasure.id, as: .localAdministrator)
        #expect(throws: MemberError.erased(member: member.rawValue, on: "2026-04-01")) {
            try test.vault.requests.erase(member, as: .localAdministrator)
        }
    }

    @Test("export.html speaks to the member: labels, not codes; the address on one line; times in the controller's zone; a profiling section")
    func exportForPeople() throws {
        let test = try TestVault(today: ISO8601DateFormatter().date(from: "2026-07-01T10:00:00Z")!)
        let member = try test.vault.members.enroll([FieldInput("email", "leser@example.de"), FieldInput("first_name", "Lea"),
                                                    FieldInput("last_name", "Leser"), FieldInput("phone", "0171 2345678"),
                                                    FieldInput("birthday", "24.12.1990"), FieldInput("address", "Hauptstraße 5, 10115 Berlin")],
                                                   consents: [ConsentRequest(purpose: "email_marketing"), ConsentRequest(purpose: "personalized_offers")],
                                                   channel: .store, as: .localAdministrator).member
        _ = try test.vault.profiles.share("clothing_size", value: "38", for: member, purpose: "personalized_offers", channel: .app, as: .localAdministrator)
        _ = try test.vault.members.read(member, purpose: "loyalty_account", as: .localAdministrator)
        _ = try test.vault.requests.open(.access, for: member, channel: .letter, as: .localAdministrator)
        let folder = test.folder.appendingPathComponent("export").path
        try test.vault.requests.export(member, to: folder, as: .localAdministrator)
        let html = try String(contentsOfFile: folder + "/export.html", encoding: .utf8)
        // Internal names (field names, purpose and rule ids, state, event and basis codes written with `_`), account names; and no JSON.
        let policies = test.vault.policies
        let internalNames = (policies.fields.fields.map(\.name) + policies.purposes.purposes.map(\.id) + policies.rewards.rules.map(\.id)
            + ["not_consent_based", "doi_sent", "doi_confirmed", "needs_reconsent", "legitimate_interest", "legal_obligation"]).filter { $0.contains("_") }
            + ["callcenter", "local-admin", "user.contact", "Punktebuch"]
        for code in internalNames { #expect(!html.contains(code), "no internal name: \(code)") }
        #expect(!html.contains("&quot;") && !html.contains("{\"") && !html.contains("\":"), "no JSON")
        for phrase in ["Vorname / First name", "Hauptstraße 5, 10115 Berlin", "01.07.2026, 12:00", "Punkteübersicht", "+49 171 2345678", "24.12.1990",
                       "Kleidergröße geteilt / shared your clothing size", "Auskunft / access",
                       "Profilbildung und automatisierte Entscheidungen", "<th scope=\"col\">", "lang=\"de\"", "@media print",
                       "Newsletter und Angebote per E-Mail", "Beispiel Handel GmbH", "datenschutz@example.com",
                       "Hamburgische Beauftragte für Datenschutz und Informationsfreiheit"] {
            #expect(html.contains(phrase), "reads: \(phrase)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/export.json"))) as? [String: Any]
        let parties = json?["controller"] as? [String: [String: String]]
        #expect(parties?["data_protection_officer"]?["email"] == "datenschutz@example.com" && parties?["controller"]?["name"] == "Beispiel Handel GmbH")
    }

    @Test("field labels come from the policy set: a retailer's own wording reaches export.html")
    func labelsFromPolicy() throws {
        var documents = PolicySet.builtInDocuments.mapValues { Data($0.utf8) }
        var catalog = try JSONSerialization.jsonObject(with: documents["fields.json"]!) as! [String: Any]
        var fields = catalog["fields"] as! [[String: Any]]
        let index = try #require(fields.firstIndex { $0["name"] as? String == "first_name" })
        fields[index]["label"] = ["de": "Rufname", "en": "Given name"]
        catalog["fields"] = fields
        documents["fields.json"] = try JSONSerialization.data(withJSONObject: catalog)
        let test = try TestVault()
        try test.vault.applyPolicies(try PolicySet.decode(documents), as: .localAdministrator)
        let member = try test.vault.members.enroll([FieldInput("email", "rufname@example.de"), FieldInput("first_name", "Lea")], channel: .web,
                                                   as: .localAdministrator).member
        let folder = test.folder.appendingPathComponent("export").path
        try test.vault.requests.export(member, to: folder, as: .localAdministrator)
        let html = try String(contentsOfFile: folder + "/export.html", encoding: .utf8)
        #expect(html.contains("Rufname / Given name") && !html.contains("Vorname") && html.contains("E-Mail-Adresse / Email address"))
    }

    @Test("states, events, lawful bases, sources, recipients and the time zone come from wording.json; a set without it uses the built-in words")
    func wordingFromPolicy() throws {
        var documents = PolicySet.builtInDocuments.mapValues { Data($0.utf8) }
        var wording = try JSONSerialization.jsonObject(with: documents[WordingPolicy.fileName]!) as! [String: Any]
        wording["time_zone"] = "Europe/London"
        var states = wording["consent_states"] as! [String: Any]
        states["active"] = ["de": "zugestimmt", "en": "agreed"]
        wording["consent_states"] = states
        var sources = wording["sources"] as! [String: Any]
        sources["store"] = ["de": "Ladengeschäft", "en": "shop"]
        wording["sources"] = sources
        var bases = wording["lawful_bases"] as! [String: Any]
        bases["contract"] = ["de": "Mitgliedsvertrag", "en": "membership contract"]
        wording["lawful_bases"] = bases
        documents[WordingPolicy.fileName] = try JSONSerialization.data(withJSONObject: wording)
        let test = try TestVault(today: ISO8601DateFormatter().date(from: "2026-07-01T10:00:00Z")!)
        try test.vault.applyPolicies(try PolicySet.decode(documents), as: .localAdministrator)
        let member = try test.vault.members.enroll([FieldInput("email", "wort@example.de")], consents: [ConsentRequest(purpose: "personalized_offers")],
                                                   channel: .store, as: .localAdministrator).member
        let folder = test.folder.appendingPathComponent("export").path
        try test.vault.requests.export(member, to: folder, as: .localAdministrator)
        let html = try String(contentsOfFile: folder + "/export.html", encoding: .utf8)
        for phrase in ["zugestimmt / agreed", "Ladengeschäft / shop", "Mitgliedsvertrag / membership contract", "01.07.2026, 11:00", "Europe/London"] {
            #expect(html.contains(phrase), "reads: \(phrase)")
        }
        #expect(!html.contains("erteilt / given") && !html.contains("Filiale / store"))

        documents[WordingPolicy.fileName] = nil
        let plain = try TestVault(today: ISO8601DateFormatter().date(from: "2026-07-01T10:00:00Z")!)
        try plain.vault.applyPolicies(try PolicySet.decode(documents), as: .localAdministrator)
        let other = try plain.vault.members.enroll([FieldInput("email", "wort@example.de")], channel: .store, as: .localAdministrator).member
        let otherFolder = plain.folder.appendingPathComponent("export").path
        try plain.vault.requests.export(other, to: otherFolder, as: .localAdministrator)
        let builtIn = try String(contentsOfFile: otherFolder + "/export.html", encoding: .utf8)
        #expect(builtIn.contains("Filiale / store") && builtIn.contains("01.07.2026, 12:00") && builtIn.contains("Europe/Berlin"))
    }

    @Test("a field members still hold cannot leave the catalog (their values would drop out of exports); nothing changes")
    func heldFieldStaysInCatalog() throws {
        let test = try TestVault()
        let member = try test.vault.members.enroll([FieldInput("email", "filiale@example.de"), FieldInput("preferred_store", "Köln Hbf")],
                                                   channel: .web, as: .localAdministrator).member
        var documents = PolicySet.builtInDocuments.mapValues { Data($0.utf8) }
        func without(_ name: String, in file: String, key: String) throws {
            var object = try JSONSerialization.jsonObject(with: documents[file]!) as! [String: Any]
            object[key] = (object[key] as! [[String: Any]]).filter { $0["name"] as? String != name && $0["field"] as? String != name }
            documents[file] = try JSONSerialization.data(withJSONObject: object)
        }
        try without("preferred_store", in: "fields.json", key: "fields")
        try without("preferred_store", in: "rewards.json", key: "asks")
        var purposes = try JSONSerialization.jsonObject(with: documents["purposes.json"]!) as! [String: Any]
        purposes["purposes"] = (purposes["purposes"] as! [[String: Any]]).map { purpose in
            var purpose = purpose
            purpose["fields"] = (purpose["fields"] as! [String]).filter { $0 != "preferred_store" }
            return purpose
        }
        documents["purposes.json"] = try JSONSerialization.data(withJSONObject: purposes)
        var rewards = try JSONSerialization.jsonObject(with: documents["rewards.json"]!) as! [String: Any]
        rewards["rules"] = (rewards["rules"] as! [[String: Any]]).filter { ($0["id"] as? String) != "share_preferred_store" }.map { rule in
            guard var trigger = rule["trigger"] as? [String: Any], let fields = trigger["fields"] as? [String] else { return rule }
            trigger["fields"] = fields.filter { $0 != "preferred_store" }
            var changed = rule
            changed["trigger"] = trigger
            return changed
        }
        documents["rewards.json"] = try JSONSerialization.data(withJSONObject: rewards)
        var wording = try JSONSerialization.jsonObject(with: documents["wording.json"]!) as! [String: Any]
        var points = wording["point_rules"] as! [String: Any]
        points["share_preferred_store"] = nil
        wording["point_rules"] = points
        documents["wording.json"] = try JSONSerialization.data(withJSONObject: wording)
        let reduced = try PolicySet.decode(documents)
        let before = test.vault.policies.hash
        #expect(throws: PolicyError.self) { try test.vault.applyPolicies(reduced, as: .localAdministrator) }
        #expect(test.vault.policies.hash == before)
        _ = try test.vault.members.unset("preferred_store", for: member, as: .localAdministrator)
        try test.vault.applyPolicies(reduced, as: .localAdministrator)
        #expect(test.vault.policies.hash == reduced.hash)
    }

    @Test("a second email field counts as an email: a request by contact finds its member, and an erasure suppresses the address under both fields")
    func everyContactFieldOfAType() throws {
        var documents = PolicySet.builtInDocuments.mapValues { Data($0.utf8) }
        var catalog = try JSONSerialization.jsonObject(with: documents["fields.json"]!) as! [String: Any]
        var fields = catalog["fields"] as! [[String: Any]]
        fields.append(["name": "work_email", "type": "email", "party": "first", "category": "user.contact.email", "indexed": true, "unique": false,
                       "max_length": 254, "description": "Work address.", "label": ["de": "Dienstliche E-Mail", "en": "Work email"]])
        catalog["fields"] = fields
        documents["fields.json"] = try JSONSerialization.data(withJSONObject: catalog)
        var purposes = try JSONSerialization.jsonObject(with: documents["purposes.json"]!) as! [String: Any]
        purposes["purposes"] = (purposes["purposes"] as! [[String: Any]]).map { purpose in
            guard purpose["id"] as? String == "loyalty_account" else { return purpose }
            var changed = purpose
            changed["fields"] = (purpose["fields"] as! [String]) + ["work_email"]
            return changed
        }
        documents["purposes.json"] = try JSONSerialization.data(withJSONObject: purposes)
        let test = try TestVault()
        try test.vault.applyPolicies(try PolicySet.decode(documents), as: .localAdministrator)
        let worker = try test.vault.members.enroll([FieldInput("email", "privat@example.de"), FieldInput("work_email", "Work.Person@Firma.de")],
                                                   channel: .web, as: .localAdministrator).member
        #expect(try test.vault.requests.open(.access, requester: .email("work.person@firma.de"), as: .localAdministrator).member == worker)

        // Asked before joining: the request becomes theirs when the erasure answers it.
        let early = try test.vault.requests.open(.erasure, requester: .email("late@firma.de"), as: .localAdministrator)
        let late = try test.vault.members.enroll([FieldInput("email", "late-private@example.de"), FieldInput("work_email", "Late@Firma.de")],
                                                 channel: .web, as: .localAdministrator).member
        #expect(throws: RequestError.memberHasData(request: early.id)) { try test.vault.requests.close(early.id, outcome: .noDataHeld, as: .localAdministrator) }
        _ = try test.vault.requests.erase(late, request: early.id, as: .localAdministrator)
        let answered = try test.vault.requests.show(early.id, as: .localAdministrator)
        // Closed as fulfilled, and after the erasure kept like any erased member's request: by erasure tag, without the member id.
        #expect(answered.status == .closed && answered.outcome == .fulfilled && answered.member == nil && !answered.byContact, "\(answered)")

        // The erased work address is suppressed as a plain email too.
        _ = try test.vault.requests.erase(worker, as: .localAdministrator)
        #expect(throws: SuppressionError.self) {
            try test.vault.members.enroll([FieldInput("email", "WORK.person@firma.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                          channel: .web, as: .localAdministrator)
        }
    }

    @Test("an email field added after an objection is suppressed too; held contact fields keep their definition; an erased contact never gets 'no data held'")
    func catalogChangesKeepTheList() throws {
        let test = try TestVault()
        let objector = try test.vault.members.enroll([FieldInput("email", "obj@example.de")], channel: .web, as: .localAdministrator).member
        _ = try test.vault.requests.open(.objection, for: objector, as: .localAdministrator)
        let erased = try test.vault.members.enroll([FieldInput("email", "weg@example.de")], channel: .web, as: .localAdministrator).member
        _ = try test.vault.requests.erase(erased, as: .localAdministrator)

        var documents = PolicySet.builtInDocuments.mapValues { Data($0.utf8) }
        var catalog = try JSONSerialization.jsonObject(with: documents["fields.json"]!) as! [String: Any]
        var fields = catalog["fields"] as! [[String: Any]]
        fields.append(["name": "newsletter_email", "type": "email", "party": "first", "category": "user.contact.email", "indexed": true, "unique": false,
                       "max_length": 254, "description": "Newsletter address.", "label": ["de": "Newsletter-Adresse", "en": "Newsletter address"]])
        catalog["fields"] = fields
        documents["fields.json"] = try JSONSerialization.data(withJSONObject: catalog)
        var purposes = try JSONSerialization.jsonObject(with: documents["purposes.json"]!) as! [String: Any]
        purposes["purposes"] = (purposes["purposes"] as! [[String: Any]]).map { purpose in
            guard ["loyalty_account", "email_marketing"].contains(purpose["id"] as? String ?? "") else { return purpose }
            var changed = purpose
            changed["fields"] = (purpose["fields"] as! [String]) + ["newsletter_email"]
            return changed
        }
        documents["purposes.json"] = try JSONSerialization.data(withJSONObject: purposes)
        try test.vault.applyPolicies(try PolicySet.decode(documents), as: .localAdministrator)
        #expect(throws: SuppressionError.self) {
            try test.vault.members.enroll([FieldInput("email", "neu@example.de"), FieldInput("newsletter_email", "OBJ@example.de")],
                                          consents: [ConsentRequest(purpose: "email_marketing")], channel: .web, as: .localAdministrator)
        }

        // An email field must be indexed, and a held field cannot stop being indexed.
        var unindexed = catalog
        unindexed["fields"] = fields.map { field in
            guard field["name"] as? String == "newsletter_email" else { return field }
            var changed = field
            changed["indexed"] = false
            changed["unique"] = false
            return changed
        }
        documents["fields.json"] = try JSONSerialization.data(withJSONObject: unindexed)
        #expect(throws: PolicyError.self) { _ = try PolicySet.decode(documents) }
        var retyped = catalog
        retyped["fields"] = fields.map { field in
            guard field["name"] as? String == "email" else { return field }
            var changed = field
            changed["unique"] = false
            return changed
        }
        documents["fields.json"] = try JSONSerialization.data(withJSONObject: retyped)
        let before = test.vault.policies.hash
        #expect(throws: PolicyError.self) { try test.vault.applyPolicies(try PolicySet.decode(documents), as: .localAdministrator) }
        #expect(test.vault.policies.hash == before)

        // The erased member's address: a request by contact finds no member, but "no data held" may be untrue.
        let asking = try test.vault.requests.open(.access, requester: .email("weg@example.de"), as: .localAdministrator)
        #expect(throws: RequestError.self) { try test.vault.requests.close(asking.id, outcome: .noDataHeld, as: .localAdministrator) }
        #expect(try test.vault.members.find(contact: .email("Obj@Example.de"), as: .localAdministrator) == [objector])
    }

    @Test("renaming the email field after an erasure escapes nothing; the list's guards: consent basis, the dpo's operations, the flag, known keys")
    func policyChangesCannotOpenTheList() throws {
        let test = try TestVault()
        let gone = try test.vault.members.enroll([FieldInput("email", "anna@example.de")], channel: .web, as: .localAdministrator).member
        _ = try test.vault.requests.erase(gone, as: .localAdministrator)
        func edited(_ change: (inout [String: [String: Any]]) -> Void) throws -> [String: Data] {
            var objects = try PolicySet.builtInDocuments.mapValues { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
            change(&objects)
            return try objects.mapValues { try JSONSerialization.data(withJSONObject: $0) }
        }
        func renameEmail(_ objects: inout [String: [String: Any]]) {
            objects["fields.json"]!["fields"] = (objects["fields.json"]!["fields"] as! [[String: Any]]).map { field in
                var changed = field
                if field["name"] as? String == "email" { changed["name"] = "e_mail" }
                return changed
            }
            objects["purposes.json"]!["purposes"] = (objects["purposes.json"]!["purposes"] as! [[String: Any]]).map { purpose in
                var changed = purpose
                changed["fields"] = (purpose["fields"] as! [String]).map { $0 == "email" ? "e_mail" : $0 }
                return changed
            }
            objects["rewards.json"]!["rules"] = (objects["rewards.json"]!["rules"] as! [[String: Any]]).map { rule in
                guard var trigger = rule["trigger"] as? [String: Any], let fields = trigger["fields"] as? [String] else { return rule }
                trigger["fields"] = fields.map { $0 == "email" ? "e_mail" : $0 }
                var changed = rule
                changed["trigger"] = trigger
                return changed
            }
        }
        try test.vault.applyPolicies(try PolicySet.decode(try edited(renameEmail)), as: .localAdministrator)
        #expect(throws: SuppressionError.self) {
            try test.vault.members.enroll([FieldInput("e_mail", "ANNA@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                          channel: .web, as: .localAdministrator)
        }
        // The flag cannot be dropped while the list holds contacts.
        let unflagged = try edited { objects in
            renameEmail(&objects)
            objects["purposes.json"]!["purposes"] = (objects["purposes.json"]!["purposes"] as! [[String: Any]]).map { purpose in
                var changed = purpose
                if purpose["id"] as? String == "email_marketing" { changed["direct_marketing"] = false }
                return changed
            }
        }
        #expect(throws: PolicyError.self) { try test.vault.applyPolicies(try PolicySet.decode(unflagged), as: .localAdministrator) }
        // Validation: direct marketing only by consent; the list is the dpo's; misspelt keys are refused.
        let byInterest = try edited { objects in
            objects["purposes.json"]!["purposes"] = (objects["purposes.json"]!["purposes"] as! [[String: Any]]).map { purpose in
                var changed = purpose
                if purpose["id"] as? String == "birthday_rewards" { changed["lawful_basis"] = "legitimate_interest"; changed["notice"] = nil }
                return changed
            }
        }
        #expect(throws: PolicyError.self) { _ = try PolicySet.decode(byInterest) }
        let marketingLifts = try edited { objects in
            objects["roles.json"]!["roles"] = (objects["roles.json"]!["roles"] as! [[String: Any]]).map { role in
                var changed = role
                if role["id"] as? String == "marketing" { changed["operations"] = (role["operations"] as! [String]) + ["suppression.lift"] }
                return changed
            }
        }
        #expect(throws: PolicyError.self) { _ = try PolicySet.decode(marketingLifts) }
        let misspelt = try edited { objects in
            objects["purposes.json"]!["purposes"] = (objects["purposes.json"]!["purposes"] as! [[String: Any]]).map { purpose in
                var changed = purpose
                if purpose["id"] as? String == "email_marketing" { changed["direct_marketting"] = true }
                return changed
            }
        }
        #expect(throws: PolicyError.self) { _ = try PolicySet.decode(misspelt) }

        // A consent purpose that writes to an email or phone field is direct marketing for the list, flag or not.
        let sms = try edited { objects in
            renameEmail(&objects)
            var purposes = objects["purposes.json"]!["purposes"] as! [[String: Any]]
            var offers = purposes.first { $0["id"] as? String == "personalized_offers" }!
            offers["id"] = "sms_offers"
            offers["fields"] = ["phone", "e_mail"]
            offers["direct_marketing"] = nil
            offers["description"] = ["de": "Angebote per SMS", "en": "Offers by text message"]
            purposes.append(offers)
            objects["purposes.json"]!["purposes"] = purposes
        }
        try test.vault.applyPolicies(try PolicySet.decode(sms), as: .localAdministrator)
        #expect(throws: SuppressionError.self) {
            try test.vault.members.enroll([FieldInput("e_mail", "anna@example.de")], consents: [ConsentRequest(purpose: "sms_offers")],
                                          channel: .web, as: .localAdministrator)
        }
        // A contact unset while an erasure is pending is suppressed all the same.
        let leaving = try test.vault.members.enroll([FieldInput("e_mail", "leaving@example.de")], channel: .web, as: .localAdministrator).member
        let request = try test.vault.requests.open(.erasure, for: leaving, as: .localAdministrator)
        try test.vault.members.unset("e_mail", for: leaving, as: .localAdministrator)
        _ = try test.vault.requests.erase(leaving, request: request.id, as: .localAdministrator)
        #expect(throws: SuppressionError.self) {
            try test.vault.members.enroll([FieldInput("e_mail", "leaving@example.de")], consents: [ConsentRequest(purpose: "email_marketing")],
                                          channel: .web, as: .localAdministrator)
        }
        // An existing purpose cannot become direct marketing while the list holds contacts: its consents were never checked.
        func withSurveys(fields: [String]) throws -> [String: Data] {
            try edited { objects in
                renameEmail(&objects)
                var purposes = objects["purposes.json"]!["purposes"] as! [[String: Any]]
                var surveys = purposes.first { $0["id"] as? String == "personalized_offers" }!
                surveys["id"] = "surveys"
                surveys["fields"] = fields
                surveys["direct_marketing"] = nil
                surveys["description"] = ["de": "Umfragen", "en": "Surveys"]
                purposes.append(surveys)
                objects["purposes.json"]!["purposes"] = purposes
            }
        }
        try test.vault.applyPolicies(try PolicySet.decode(try withSurveys(fields: ["shoe_size"])), as: .localAdministrator)
        #expect(throws: PolicyError.self) { try test.vault.applyPolicies(try PolicySet.decode(try withSurveys(fields: ["shoe_size", "phone"])), as: .localAdministrator) }
        // Only the key holder or a DPO hands out DPO tokens.
        #expect(throws: AccessError.dpoTokenNeedsDPO) { try test.vault.tokens.create(name: "sneaky", role: "dpo", as: Principal(name: "ops", role: "admin")) }
        _ = try test.vault.tokens.create(name: "desk", role: "dpo", as: .localAdministrator)
    }

    @Test("while a request by contact is open, no contact field can be added: the request was searched without it")
    func noNewContactFieldWhileAsked() throws {
        let test = try TestVault()
        let asked = try test.vault.requests.open(.access, requester: .email("frage@example.de"), as: .localAdministrator)
        var documents = PolicySet.builtInDocuments.mapValues { Data($0.utf8) }
        var catalog = try JSONSerialization.jsonObject(with: documents["fields.json"]!) as! [String: Any]
        catalog["fields"] = (catalog["fields"] as! [[String: Any]]) + [["name": "private_email", "type": "email", "party": "first",
            "category": "user.contact.email", "indexed": true, "max_length": 254, "description": "Private address."]]
        documents["fields.json"] = try JSONSerialization.data(withJSONObject: catalog)
        let widened = try PolicySet.decode(documents)
        #expect(throws: PolicyError.self) { try test.vault.applyPolicies(widened, as: .localAdministrator) }
        _ = try test.vault.requests.close(asked.id, outcome: .noDataHeld, as: .localAdministrator)
        try test.vault.applyPolicies(widened, as: .localAdministrator)
    }

    @Test("a policy set without controller.json still opens; its export says no contact is on file instead of inventing one")
    func exportWithoutController() throws {
        var documents = PolicySet.builtInDocuments.mapValues { Data($0.utf8) }
        documents[ControllerContact.fileName] = nil
        let policies = try PolicySet.decode(documents)
        #expect(policies.controller == nil)
        let test = try TestVault()
        try test.vault.applyPolicies(policies, as: .localAdministrator)
        let member = try test.vault.members.enroll([FieldInput("email", "ohne@example.de")], channel: .web, as: .localAdministrator).member
        let folder = test.folder.appendingPathComponent("export").path
        try test.vault.requests.export(member, to: folder, as: .localAdministrator)
        let html = try String(contentsOfFile: folder + "/export.html", encoding: .utf8)
        #expect(html.contains("Keine Kontaktangaben hinterlegt") && !html.contains("Beispiel Handel"))
        let stored = try test.vault.policyDocuments(as: .localAdministrator)
        #expect(stored.hash == policies.hash && !stored.documents.contains { $0.name == ControllerContact.fileName },
                "applying a set without controller.json removes the old one")
    }

    @Test("points kept after erasure say until when (end of the year, 8 years on: HGB § 257(5)), and the retention run removes them after that day")
    func pointsHoldEnds() throws {
        let test = try TestVault(today: day("2026-05-04"))
        let member = try test.vault.members.enroll([FieldInput("email", "points@example.de")], channel: .web, as: .localAdministrator).member
        _ = try test.vault.rewards.adjust(member, by: 50, reason: "goodwill", as: .localAdministrator)
        let report = try test.vault.requests.erase(member, as: .localAdministrator)
        let points = try #require(report.kept.first { $0.what.contains("points ledger") })
        #expect(points.until == "2034-12-31" && points.why.hasPrefix("points_accounting"), "\(points)")
        let archived = "SELECT count(*) AS value FROM points_archive"
        #expect(try test.rawDatabase().statement(archived).scalar(table: "points_archive") == 1)
        test.clock.advance(days: 3163) // 2034-12-31, the hold's last day
        _ = try test.vault.retention.run(as: .localAdministrator)
        #expect(try test.rawDatabase().statement(archived).scalar(table: "points_archive") == 1, "kept until the hold ends")
        test.clock.advance(days: 1)
        _ = try test.vault.retention.run(as: .localAdministrator)
        #expect(try test.rawDatabase().statement(archived).scalar(table: "points_archive") == 0, "gone once it has")
    }

    @Test("a hold counts the controller's year: points booked at 23:30 UTC on 31 December 2026 are 2027's in Berlin, kept to 2035-12-31 and no earlier")
    func holdYearIsTheControllers() throws {
        let test = try TestVault(today: ISO8601DateFormatter().date(from: "2026-12-31T23:30:00Z")!)
        let member = try test.vault.members.enroll([FieldInput("email", "silvester@example.de")], channel: .web, as: .localAdministrator).member
        _ = try test.vault.rewards.adjust(member, by: 50, reason: "goodwill", as: .localAdministrator)
        let report = try test.vault.requests.erase(member, as: .localAdministrator)
        #expect(report.kept.first { $0.what.contains("points ledger") }?.until == "2035-12-31", "\(report.kept)")
        let archived = "SELECT count(*) AS value FROM points_archive"
        test.clock.advance(days: 365 * 8 + 2) // 2035-01-01, a year before the hold ends
        _ = try test.vault.retention.run(as: .localAdministrator)
        #expect(try test.rawDatabase().statement(archived).scalar(table: "points_archive") == 1, "still held in 2035")
    }
}
